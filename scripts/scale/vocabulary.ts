import type { TargetGroup } from '@/db/schema';

/*
 * Words for generated cases: fictional people with common Dutch names, and case texts in the tone of the
 * demo. Enough variety that a search for a surname finds a realistic handful of cases, not thousands.
 */

export const FIRST_NAMES = [
  'Jan', 'Piet', 'Kees', 'Sem', 'Lucas', 'Daan', 'Milan', 'Levi', 'Noah', 'Luuk', 'Bram', 'Thijs', 'Finn', 'Jesse',
  'Ruben', 'Mohammed', 'Youssef', 'Rachid', 'Mehmet', 'Kevin', 'Dylan', 'Stefan', 'Henk', 'Gerrit', 'Marco',
  'Emma', 'Julia', 'Sophie', 'Tess', 'Anna', 'Sara', 'Fleur', 'Lotte', 'Eva', 'Noor', 'Fatima', 'Aylin', 'Sandra',
  'Marloes', 'Gerda', 'Ingrid', 'Priya', 'Chantal', 'Kim', 'Linda', 'Naima', 'Samira', 'Esther', 'Ilse', 'Joyce',
  'Tom', 'Mark', 'Rob', 'Erik', 'Ahmed', 'Omar', 'Bilal', 'Tim', 'Nick', 'Ricardo', 'Jordy', 'Mitchell', 'Romano',
];

const PARTICLES = ['', '', '', '', '', 'de ', 'van ', 'van der ', 'van den ', 'el ', 'ter '];

export const SURNAMES = [
  'Jansen', 'Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dijk',
  'Dekker', 'Brouwer', 'Wit', 'Dijkstra', 'Smits', 'Graaf', 'Lindeboom', 'Kok', 'Jacobs', 'Haan', 'Vermeulen',
  'Heuvel', 'Veen', 'Berg', 'Schouten', 'Willems', 'Hoekstra', 'Koster', 'Prins', 'Verhoef', 'Huisman', 'Peeters',
  'Pieters', 'Kuipers', 'Boer', 'Postma', 'Amrani', 'Yilmaz', 'Kaya', 'Ouali', 'Bouzid', 'Haddou', 'Tahiri',
  'Öztürk', 'Çelik', 'Ramdin', 'Sewdien', 'Martina', 'Kroon', 'Wijnberg', 'Gerritsen', 'Koning', 'Timmermans',
  'Groot', 'Sanders', 'Evers', 'Maas', 'Verbeek', 'Lammers', 'Roos', 'Scholten', 'Wouters', 'Zwart', 'Hermans',
  'Molenaar', 'Kramer', 'Blom', 'Kuiper', 'Driessen', 'Bosch', 'Keijzer', 'Hofman', 'Janssens', 'Claassen',
  'Wolters', 'Boersma', 'Kamphuis', 'Vink', 'Aalbers', 'Brink', 'Coenen', 'Elzinga', 'Faber', 'Geurts', 'Hoek',
  'IJzerman', 'Jonker', 'Kerkhof', 'Laan', 'Mol', 'Nijhuis', 'Oosterhuis', 'Paauw', 'Quint', 'Rutten', 'Stam',
  'Tol', 'Uiterwijk', 'Vonk', 'Westra', 'Zijlstra', 'Ahmadi', 'Benali', 'Chaouch', 'Doğan', 'El Idrissi',
];

export const STREETS = [
  'Kanaalstraat', 'Leusderweg', 'Amsterdamsestraatweg', 'Slotlaan', 'Prins Bernhardlaan', 'Dorpsstraat', 'Rijnstraat',
  'Straatweg', 'Kerkstraat', 'Molenweg', 'Schoolstraat', 'Stationsweg', 'Julianalaan', 'Beatrixstraat', 'Hoofdstraat',
  'Nieuwstraat', 'Lindelaan', 'Parkweg', 'Wilhelminastraat', 'Marktplein', 'Oranjelaan', 'Vondellaan', 'Zandweg',
];

export function subjectNameFrom(first: string, particle: string, surname: string): string {
  return `${first} ${particle}${surname}`;
}

export { PARTICLES };

export const REASONS: Record<TargetGroup, { reason: string; goal: string }[]> = {
  high_impact_crime: [
    { reason: 'Verdacht van een reeks woninginbraken; schulden en middelengebruik.', goal: 'Recidive voorkomen, schulden stabiliseren.' },
    { reason: 'Betrokken bij straatroven in de wijk; geen dagbesteding.', goal: 'Stoppen met delicten, dagbesteding op orde.' },
  ],
  top_x: [
    { reason: 'Op de Top X-lijst; geweld en bedreiging.', goal: 'Persoonsgerichte aanpak: stoppen met geweld.' },
    { reason: 'Op de Top X-lijst; zware mishandelingen in het uitgaansleven.', goal: 'Geweld stoppen, netwerk versterken.' },
  ],
  huiselijk_geweld: [
    { reason: 'Herhaalde meldingen van huiselijk geweld; kinderen in huis.', goal: 'Veiligheid van partner en kinderen borgen.' },
    { reason: 'Geweld rond een complexe scheiding.', goal: 'Veilige omgang geregeld.' },
  ],
  overlast: [
    { reason: 'Ernstige woonoverlast, vervuiling en conflicten met buren.', goal: 'Overlast stoppen, woning behouden.' },
    { reason: 'Aanhoudende geluidsoverlast en intimidatie van buren.', goal: 'Rust in de straat, huurcontract behouden.' },
  ],
  veelplegers: [
    { reason: 'Veelpleger met tientallen winkeldiefstallen per jaar.', goal: 'Uitstroom uit criminaliteit via ISD-traject.' },
    { reason: 'Veelpleger; verslaving en geen vaste woonplek.', goal: 'Wonen en behandeling, minder delicten.' },
  ],
  nazorg_ex_gedetineerden: [
    { reason: 'Komt vrij na lange detentie, geen woonplek en geen inkomen.', goal: 'Wonen, inkomen en dagbesteding geregeld.' },
    { reason: 'Terugkeer na detentie; schulden en geen identiteitsbewijs.', goal: 'Basisvoorwaarden op orde binnen drie maanden.' },
  ],
  radicalisering: [
    { reason: 'Signalen van radicalisering via school en wijkagent.', goal: 'Risico beperken, perspectief bieden.' },
  ],
  verward_gedrag: [
    { reason: 'Meerdere meldingen van verward gedrag met dreiging richting buren.', goal: 'Passende zorg en veiligheid buurt.' },
    { reason: 'Zorgmijder met psychotische klachten en dreigende huisuitzetting.', goal: 'Zorg op gang, huisuitzetting voorkomen.' },
  ],
  jeugd: [
    { reason: 'Jeugdige met escalerend gedrag en schooluitval.', goal: 'School en hulp op orde.' },
    { reason: 'Jongere betrokken bij een overlastgevende groep.', goal: 'Uit de groep, terug naar school of werk.' },
  ],
  overig: [{ reason: 'Zorgmijder met dreigende huisuitzetting.', goal: 'Huisuitzetting voorkomen, zorg op gang.' }],
};

export const AGREEMENTS: Record<string, string[]> = {
  police: ['Risicotaxatie delen in het overleg', 'Persoonsgerichte aanpak: huisbezoeken', 'Huisverbod evalueren', 'Wijkagent legt contact met betrokkene'],
  om: ['Strafzaak voegen en afdoening afstemmen', 'ISD-vordering voorbereiden', 'Contactverbod handhaven'],
  reclassering: ['Toezicht reclassering inrichten', 'Dagbesteding zoeken', 'Reclasseringsadvies opstellen'],
  ggz: ['Behandeling starten', 'Diagnostiek afronden', 'Crisisplan opstellen met betrokkene'],
  veiligthuis: ['Veiligheidsplan opstellen', 'Omgangsregeling evalueren', 'Gesprek met partner en kinderen'],
  gemeente: ['Schuldhulpverlening aanvragen', 'Uitkering aanvragen', 'Wmo-indicatie regelen', 'Gesprek met ouders en school'],
  woning: ['Woonplek regelen', 'Gesprek over huurachterstand', 'Buurtbemiddeling inzetten'],
};

export const PROGRESS_NOTES = [
  'Eerste gesprek gevoerd.', 'Contact gelegd met betrokkene.', 'Aanvraag ingediend.', 'Intake gepland.',
  'Overleg met ketenpartner gehad.', 'Huisbezoek afgelegd.', 'Wacht op reactie van de instantie.', 'Afspraak verzet door betrokkene.',
];

export const DONE_NOTES = ['Afgerond en teruggekoppeld in het overleg.', 'Uitgevoerd; betrokkene werkt mee.', 'Geregeld per de afgesproken datum.'];
export const BLOCKED_NOTES = ['Wachtlijst van zes weken; geen voorrang mogelijk.', 'Betrokkene is onbereikbaar.', 'Financiering nog niet rond.'];
export const MOVE_REASONS = ['Partner had meer tijd nodig.', 'Wachtlijst bij de uitvoerder.', 'Betrokkene tijdelijk opgenomen.'];
export const CLOSURE_RESULTS = [
  'Terug naar reguliere hulpverlening.', 'Doelen bereikt; geen nieuwe incidenten.', 'Overgedragen aan het wijkteam.',
  'Betrokkene verhuisd naar een andere regio; overgedragen.', 'Doelen deels bereikt; monitoring door de gemeente.',
];
export const MINUTES = ['Voortgang besproken; afspraken lopen.', 'Nieuwe incidenten gemeld; plan bijgesteld.', 'Stabiel; naar monitoring overwegen.'];
