import { eq } from 'drizzle-orm';
import {
  agendaItems,
  agreementActions,
  agreementDueChanges,
  agreements,
  casePartners,
  cases,
  meetingInvitees,
  meetings,
  type AgreementStatus,
} from '@/db/schema';
import type { Tx } from '@/db/types';
import { amsterdamInstant, amsterdamParts } from '@/lib/meetings/time';

const DAY = 24 * 60 * 60 * 1000;

interface DemoAgreement {
  description: string;
  owner: string;
  dueInDays: number;
  status: AgreementStatus;
  moves?: number;
  blocked?: string;
  progress?: string[];
  done?: string;
  /** Why a niet_nagekomen agreement was not done (the stuurgroep counts it per partner). */
  notDone?: 'niet_meer_mogelijk' | 'niet_uitgevoerd';
}

/** Agreements per demo case (by subject), so every screen shows each status: overdue, moved twice, blocked. */
const AGREEMENTS: Record<string, DemoAgreement[]> = {
  'Jan de Vries': [
    { description: 'Veiligheidsplan opstellen met partner en kinderen', owner: 'veiligthuis', dueInDays: -9, status: 'in_uitvoering', progress: ['Eerste gesprek met partner gevoerd.'] },
    { description: 'Huisverbod evalueren en zo nodig verlengen', owner: 'politie', dueInDays: 1, status: 'open' },
    { description: 'Behandeling agressieregulatie starten', owner: 'ggz', dueInDays: -3, status: 'open', moves: 2, blocked: 'Wachtlijst van zes weken; geen voorrang mogelijk.' },
  ],
  'Sem Bakker': [
    { description: 'Schuldhulpverlening aanvragen', owner: 'amersfoort', dueInDays: 12, status: 'in_uitvoering', progress: ['Intake bij schuldhulp gepland.'] },
    { description: 'Toezicht reclassering inrichten', owner: 'reclassering', dueInDays: -20, status: 'gereed', done: 'Toezicht loopt, eerste meldplicht nagekomen.' },
    { description: 'Strafzaak voegen en afdoening afstemmen', owner: 'om', dueInDays: -30, status: 'open' },
  ],
  'Rachid Amrani': [
    { description: 'Woonplek via Mitros regelen', owner: 'mitros', dueInDays: -15, status: 'gereed', done: 'Kamer toegewezen per 1 november.' },
    { description: 'Uitkering aanvragen', owner: 'utrecht', dueInDays: 4, status: 'in_uitvoering', progress: ['Aanvraag ingediend.'] },
  ],
  'Kevin Mulder': [
    { description: 'ISD-vordering voorbereiden', owner: 'om', dueInDays: 20, status: 'open', moves: 1 },
    { description: 'Dagbesteding na detentie zoeken', owner: 'reclassering', dueInDays: -2, status: 'niet_nagekomen', notDone: 'niet_uitgevoerd' },
  ],
  'Thomas Brouwer': [
    { description: 'Gesprek met ouders en school', owner: 'utrecht', dueInDays: -12, status: 'open', moves: 2 },
    { description: 'Risicotaxatie delen in het overleg', owner: 'politie', dueInDays: 3, status: 'in_uitvoering', progress: ['Taxatie loopt.'] },
  ],
  'Lucas Jansen': [
    { description: 'Persoonsgerichte aanpak: wekelijkse huisbezoeken', owner: 'politie', dueInDays: 30, status: 'in_uitvoering', progress: ['Drie huisbezoeken afgelegd.', 'Contact met moeder gelegd.'] },
    { description: 'Contactverbod handhaven', owner: 'om', dueInDays: -40, status: 'vervallen' },
  ],
  'Sandra de Boer': [{ description: 'Omgangsregeling evalueren', owner: 'veiligthuis', dueInDays: 14, status: 'open' }],
};

/** Meetings and agreements for the demo: a finished casusoverleg with minutes and an upcoming one. */
export async function seedDemoMeetings(tx: Tx, userId: Map<string, string>, orgId: Map<string, string>, now: Date) {
  const regisseur = userId.get('regisseur@example.org')!;
  const regisseur2 = userId.get('regisseur2@example.org')!;
  const allCases = await tx.select({ id: cases.id, name: cases.subjectName, regisseur: cases.regisseurUserId }).from(cases);
  const caseId = (name: string) => allCases.find((c) => c.name === name)!.id;
  const memberOf = (key: string) => [...userId.entries()].find(([email]) => email.startsWith(key === 'utrecht' || key === 'amersfoort' ? 'gemeente' : key))?.[1];
  const dayOffset = (days: number) => amsterdamParts(new Date(now.getTime() + days * DAY)).date;

  for (const [name, list] of Object.entries(AGREEMENTS)) {
    const id = caseId(name);
    const convened = await tx.select({ organisationId: casePartners.organisationId }).from(casePartners).where(eq(casePartners.caseId, id));
    for (const [i, a] of list.entries()) {
      const owner = orgId.get(a.owner)!;
      if (!convened.some((c) => c.organisationId === owner)) {
        await tx.insert(casePartners).values({ caseId: id, organisationId: owner, reason: 'Uitvoering afspraak.', addedByUserId: regisseur, addedAt: new Date(now.getTime() - 60 * DAY) });
        convened.push({ organisationId: owner });
      }
      const created = new Date(now.getTime() - (40 + i * 5) * DAY);
      const due = dayOffset(a.dueInDays);
      const original = a.moves ? dayOffset(a.dueInDays - 14 * a.moves) : due;
      const [row] = await tx
        .insert(agreements)
        .values({
          caseId: id,
          description: a.description,
          ownerOrganisationId: owner,
          ownerUserId: a.owner === 'politie' ? memberOf('politie') ?? null : null,
          dueDate: due,
          originalDueDate: original,
          dueDateMoves: a.moves ?? 0,
          status: a.status,
          blockedAt: a.blocked ? new Date(now.getTime() - 4 * DAY) : null,
          blockedReason: a.blocked ?? null,
          // Done two days before the due date: the demo shows agreements kept on time too.
          completedAt: a.done ? new Date(now.getTime() - (Math.abs(a.dueInDays) + 2) * DAY) : null,
          completionNote: a.done ?? null,
          closeReason: a.notDone ?? null,
          lastProgressAt: a.progress || a.done ? new Date(now.getTime() - 13 * DAY) : null,
          createdByUserId: regisseur,
          createdAt: created,
          updatedAt: created,
        })
        .returning({ id: agreements.id });
      for (let m = 0; m < (a.moves ?? 0); m++) {
        await tx.insert(agreementDueChanges).values({
          agreementId: row!.id,
          fromDate: dayOffset(a.dueInDays - 14 * ((a.moves ?? 0) - m)),
          toDate: dayOffset(a.dueInDays - 14 * ((a.moves ?? 0) - m - 1)),
          reason: m === 0 ? 'Partner had meer tijd nodig.' : 'Wachtlijst bij de uitvoerder.',
          changedByUserId: regisseur,
          at: new Date(now.getTime() - (30 - m * 10) * DAY),
        });
      }
      const author = memberOf(a.owner) ?? regisseur;
      const notes = [...(a.progress ?? []), ...(a.blocked ? [a.blocked] : []), ...(a.done ? [a.done] : [])];
      for (const [n, note] of notes.entries()) {
        const kind = a.done && n === notes.length - 1 ? 'gereed' : a.blocked && note === a.blocked ? 'geblokkeerd' : 'voortgang';
        await tx.insert(agreementActions).values({
          agreementId: row!.id,
          kind,
          note,
          authorUserId: author,
          authorOrganisationId: owner,
          createdAt: new Date(now.getTime() - (20 - n * 4) * DAY),
        });
      }
    }
  }

  // A finished casusoverleg two weeks ago, and the next one in a week: a weekly series.
  const at = (days: number, time: string) => amsterdamInstant(dayOffset(days), time);
  const invite = ['politie', 'ggz', 'veiligthuis', 'om', 'reclassering', 'utrecht'];
  const [past] = await tx
    .insert(meetings)
    .values({
      title: 'Casusoverleg ZVH Utrecht', kind: 'casusoverleg', status: 'afgerond', startsAt: at(-14, '10:00'), endsAt: at(-14, '12:00'),
      location: 'Veiligheidshuis Utrecht, zaal Domtoren', chairUserId: regisseur, minuteTakerUserId: regisseur2,
      recurrence: 'wekelijks', sequence: 1, createdByUserId: regisseur, createdAt: at(-21, '09:00'), updatedAt: at(-14, '12:05'),
    })
    .returning({ id: meetings.id });
  await tx.update(meetings).set({ seriesId: past!.id }).where(eq(meetings.id, past!.id));
  const [next] = await tx
    .insert(meetings)
    .values({
      title: 'Casusoverleg ZVH Utrecht', kind: 'casusoverleg', status: 'gepland', startsAt: at(7, '10:00'), endsAt: at(7, '12:00'),
      location: 'Veiligheidshuis Utrecht, zaal Domtoren', chairUserId: regisseur, minuteTakerUserId: regisseur2,
      seriesId: past!.id, recurrence: 'wekelijks', sequence: 1, createdByUserId: regisseur,
    })
    .returning({ id: meetings.id });
  await tx.insert(meetings).values({
    title: 'Triage-overleg', kind: 'triage_overleg', status: 'concept', startsAt: at(2, '13:30'), endsAt: at(2, '14:30'),
    videoUrl: 'https://teams.example.org/triage', chairUserId: regisseur2, createdByUserId: regisseur2,
  });
  for (const meetingId of [past!.id, next!.id]) {
    await tx.insert(meetingInvitees).values(
      invite.map((key) => ({ meetingId, organisationId: orgId.get(key)!, attendance: meetingId === past!.id ? (key === 'om' ? ('afgemeld' as const) : ('aanwezig' as const)) : null })),
    );
  }
  const pastItems = [
    { name: 'Jan de Vries', minutes: 'Veiligheidsplan in de maak.\n- Huisverbod loopt nog twee weken\n- GGZ-behandeling: wachtlijst', outcome: 'Veilig Thuis maakt het veiligheidsplan; GGZ zoekt voorrang.' },
    { name: 'Sem Bakker', minutes: 'Toezicht reclassering is ingericht. Schulden nog niet in beeld.', outcome: 'Gemeente start schuldhulp.' },
    { name: 'Thomas Brouwer', minutes: null, outcome: null },
  ];
  for (const [i, item] of pastItems.entries()) {
    await tx.insert(agendaItems).values({
      meetingId: past!.id, position: i + 1, caseId: caseId(item.name), durationMinutes: 20,
      minutes: item.minutes, outcome: item.outcome, status: item.minutes ? 'besproken' : 'doorgeschoven',
    });
  }
  for (const [i, name] of ['Thomas Brouwer', 'Lucas Jansen', 'Kevin Mulder'].entries()) {
    await tx.insert(agendaItems).values({ meetingId: next!.id, position: i + 1, caseId: caseId(name), durationMinutes: 20 });
  }
}
