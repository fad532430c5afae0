import type { CaseStatus, PauseReason, TargetGroup, TriageDecision } from '@/db/schema';

/** Demo cases across every status and target group in VR09 (fictional people). Days are "days ago". */
export interface DemoCase {
  subject: { name: string; birthDate: string; address: string | null };
  status: CaseStatus;
  targetGroup: TargetGroup;
  municipality: string;
  referrer: string;
  regisseur: string | null;
  partners: string[];
  createdDaysAgo: number;
  triage?: { decision: TriageDecision; reason: string };
  pause?: PauseReason;
  closureResult?: string;
  reason: string;
  goal: string;
  caseLead?: string;
}

export const DEMO_CASES: DemoCase[] = [
  {
    subject: { name: 'Jan de Vries', birthDate: '1984-03-12', address: 'Kanaalstraat 12, Utrecht' },
    status: 'actief', targetGroup: 'huiselijk_geweld', municipality: 'GM0344', referrer: 'veiligthuis@example.org',
    regisseur: 'regisseur@example.org', partners: ['politie', 'veiligthuis', 'ggz'], createdDaysAgo: 120,
    triage: { decision: 'in_behandeling', reason: 'Herhaald geweld, meerdere ketens nodig.' },
    reason: 'Herhaalde meldingen van huiselijk geweld; kinderen in huis.', goal: 'Veiligheid van partner en kinderen borgen.',
    caseLead: 'veiligthuis@example.org',
  },
  {
    subject: { name: 'Sem Bakker', birthDate: '2001-07-30', address: 'Leusderweg 88, Amersfoort' },
    status: 'actief', targetGroup: 'high_impact_crime', municipality: 'GM0307', referrer: 'politie@example.org',
    regisseur: 'regisseur@example.org', partners: ['politie', 'om', 'reclassering', 'amersfoort'], createdDaysAgo: 95,
    triage: { decision: 'in_behandeling', reason: 'Reeks woninginbraken, schulden en middelengebruik.' },
    reason: 'Verdacht van een reeks woninginbraken; schulden en middelengebruik.', goal: 'Recidive voorkomen, schulden stabiliseren.',
  },
  {
    subject: { name: 'Rachid Amrani', birthDate: '1979-11-02', address: null },
    status: 'monitoring', targetGroup: 'nazorg_ex_gedetineerden', municipality: 'GM0356', referrer: 'reclassering@example.org',
    regisseur: 'regisseur2@example.org', partners: ['reclassering', 'utrecht', 'mitros'], createdDaysAgo: 210,
    triage: { decision: 'in_behandeling', reason: 'Terugkeer na detentie zonder woonplek.' },
    reason: 'Komt vrij na lange detentie, geen woonplek en geen inkomen.', goal: 'Wonen, inkomen en dagbesteding geregeld.',
  },
  {
    subject: { name: 'Kevin Mulder', birthDate: '1995-01-19', address: 'Amsterdamsestraatweg 301, Utrecht' },
    status: 'actief', targetGroup: 'veelplegers', municipality: 'GM0344', referrer: 'politie@example.org',
    regisseur: 'regisseur@example.org', partners: ['politie', 'om', 'reclassering'], createdDaysAgo: 160,
    triage: { decision: 'in_behandeling', reason: 'ISD-kandidaat, veel winkeldiefstallen.' }, pause: 'detentie',
    reason: 'Veelpleger met tientallen winkeldiefstallen per jaar.', goal: 'Uitstroom uit criminaliteit via ISD-traject.',
  },
  {
    subject: { name: 'Marloes Verhoef', birthDate: '1990-05-05', address: 'Slotlaan 4, Zeist' },
    status: 'triage', targetGroup: 'verward_gedrag', municipality: 'GM0355', referrer: 'politie@example.org',
    regisseur: 'regisseur2@example.org', partners: [], createdDaysAgo: 6,
    reason: 'Meerdere meldingen van verward gedrag met dreiging richting buren.', goal: 'Passende zorg en veiligheid buurt.',
  },
  {
    subject: { name: 'Henk Pieters', birthDate: '1961-09-23', address: 'Prins Bernhardlaan 17, Veenendaal' },
    status: 'aangemeld', targetGroup: 'overlast', municipality: 'GM0345', referrer: 'gemeente@example.org',
    regisseur: null, partners: [], createdDaysAgo: 12,
    reason: 'Ernstige woonoverlast, vervuiling en conflicten met buren.', goal: 'Overlast stoppen, woning behouden.',
  },
  {
    subject: { name: 'Dylan Koster', birthDate: '2008-02-14', address: 'Het Rond 2, Houten' },
    status: 'afgesloten', targetGroup: 'jeugd', municipality: 'GM0321', referrer: 'ggz@example.org',
    regisseur: 'regisseur@example.org', partners: ['ggz', 'utrecht'], createdDaysAgo: 300,
    triage: { decision: 'in_behandeling', reason: 'Jeugdige met escalerend gedrag.' },
    closureResult: 'Terug naar reguliere jeugdhulp; school weer gestart.',
    reason: 'Jeugdige met escalerend gedrag en schooluitval.', goal: 'School en hulp op orde.',
  },
  {
    subject: { name: 'Gerda Smit', birthDate: '1957-12-01', address: 'Rijnstraat 3, Woerden' },
    status: 'afgewezen', targetGroup: 'overlast', municipality: 'GM0632', referrer: 'gemeente@example.org',
    regisseur: 'regisseur2@example.org', partners: [], createdDaysAgo: 60,
    triage: { decision: 'advies_aan_melder', reason: 'Eén keten volstaat: advies aan wijkteam gegeven.' },
    reason: 'Burenruzie met geluidsoverlast.', goal: 'Rust in de straat.',
  },
  {
    subject: { name: 'Thomas Brouwer', birthDate: '1999-08-08', address: 'Kanaleneiland, Utrecht' },
    status: 'actief', targetGroup: 'radicalisering', municipality: 'GM0344', referrer: 'regisseur@example.org',
    regisseur: 'regisseur@example.org', partners: ['politie', 'utrecht', 'om'], createdDaysAgo: 75,
    triage: { decision: 'in_behandeling', reason: 'Signalen van radicalisering, meerdere partners betrokken.' },
    reason: 'Signalen van radicalisering via school en wijkagent.', goal: 'Risico beperken, perspectief bieden.',
  },
  {
    subject: { name: 'Lucas Jansen', birthDate: '1993-04-27', address: null },
    status: 'actief', targetGroup: 'top_x', municipality: 'GM0344', referrer: 'politie@example.org',
    regisseur: 'regisseur2@example.org', partners: ['politie', 'om', 'reclassering', 'utrecht'], createdDaysAgo: 240,
    triage: { decision: 'in_behandeling', reason: 'Top X-lijst gemeente Utrecht.' },
    reason: 'Op de Top X-lijst; geweld en bedreiging.', goal: 'Persoonsgerichte aanpak: stoppen met geweld.',
  },
  {
    subject: { name: 'Sandra de Boer', birthDate: '1987-10-10', address: 'Dorpsstraat 50, De Bilt' },
    status: 'monitoring', targetGroup: 'huiselijk_geweld', municipality: 'GM0310', referrer: 'veiligthuis@example.org',
    regisseur: 'regisseur@example.org', partners: ['veiligthuis', 'ggz'], createdDaysAgo: 180,
    triage: { decision: 'in_behandeling', reason: 'Complexe scheiding met geweld.' },
    reason: 'Geweld rond complexe scheiding.', goal: 'Veilige omgang geregeld.',
  },
  {
    subject: { name: 'Peter van Dijk', birthDate: '1970-06-16', address: 'Straatweg 9, Maarssen' },
    status: 'aangemeld', targetGroup: 'overig', municipality: 'GM1904', referrer: 'regisseur2@example.org',
    regisseur: 'regisseur2@example.org', partners: [], createdDaysAgo: 2,
    reason: 'Zorgmijder met dreigende huisuitzetting.', goal: 'Huisuitzetting voorkomen, zorg op gang.',
  },
];
