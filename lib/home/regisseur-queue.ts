import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, notInArray, sql } from 'drizzle-orm';
import { agendaItems, agreements, cases, meetings, municipalities, organisations, signals } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { ACTIVE_CASE_STATUSES } from '@/lib/cases/statuses';
import { levelName } from '@/lib/signals/levels';
import { holidayOptionsOf } from '@/lib/stagnation/settings';
import { loadStagnationSettings } from '@/lib/stagnation/sweep';
import { answerNorm } from './answer-norm';
import type { QueueClock } from './clock';
import { recordHomeVisit } from './last-visit';
import type { MeetingItem, RegisseurQueue } from './queue-views';

/** Enough to work from; the lists behind the links hold the rest. */
export const QUEUE_LIMIT = 20;

const UPCOMING_MEETING = ['concept', 'gepland', 'bezig'] as const;

/** The regisseur's day: referrals against the answer norm, meetings, signals, what got blocked, cases without a next meeting. */
export async function regisseurQueue(tx: Tx, actor: Actor, clock: QueueClock): Promise<RegisseurQueue> {
  const settings = await loadStagnationSettings(tx);
  const holidays = holidayOptionsOf(settings);
  const norm = settings.referralNormWorkingDays;

  const waiting = await tx
    .select({
      caseId: cases.id,
      number: cases.number,
      status: cases.status,
      targetGroup: cases.targetGroup,
      municipality: municipalities.name,
      referredAt: cases.createdAt,
      regisseur: cases.regisseurUserId,
    })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(inArray(cases.status, ['aangemeld', 'triage']), isNull(cases.triagedAt)))
    .orderBy(asc(cases.createdAt))
    .limit(QUEUE_LIMIT);
  const referrals = waiting.map(({ regisseur, ...c }) => ({
    ...c,
    ...answerNorm(c.referredAt, clock.today, norm, holidays),
    mine: regisseur === actor.userId,
    unassigned: regisseur === null,
  }));

  const meetingColumns = {
    meetingId: meetings.id,
    title: meetings.title,
    status: meetings.status,
    startsAt: meetings.startsAt,
    endsAt: meetings.endsAt,
    items: sql<number>`(select count(*)::int from ${agendaItems} where ${agendaItems}.meeting_id = ${meetings}.id)`,
  };
  const meetingsIn = (from: Date, to: Date, hideEnded: boolean): Promise<MeetingItem[]> =>
    tx
      .select(meetingColumns)
      .from(meetings)
      .where(
        and(
          gte(meetings.startsAt, from),
          lt(meetings.startsAt, to),
          hideEnded ? inArray(meetings.status, [...UPCOMING_MEETING]) : ne(meetings.status, 'geannuleerd'),
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(QUEUE_LIMIT);
  const meetingsToday = await meetingsIn(clock.todayStart, clock.tomorrowStart, false);
  const meetingsComing = await meetingsIn(clock.tomorrowStart, clock.comingEnd, true);

  const levels = await tx
    .select({ level: signals.level, count: count() })
    .from(signals)
    .where(eq(signals.status, 'open'))
    .groupBy(signals.level)
    .orderBy(desc(signals.level));
  const signalsByLevel = levels.map((l) => ({ level: levelName(l.level), count: l.count }));

  const lastVisit = await recordHomeVisit(tx, actor, clock.now);
  const blocked = await tx
    .select({
      agreementId: agreements.id,
      caseId: cases.id,
      caseNumber: cases.number,
      description: agreements.description,
      ownerName: organisations.shortName,
      blockedAt: agreements.blockedAt,
      reason: agreements.blockedReason,
    })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
    .where(
      and(
        eq(cases.regisseurUserId, actor.userId),
        inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]),
        isNotNull(agreements.blockedAt),
        lastVisit ? gt(agreements.blockedAt, lastVisit) : undefined,
      ),
    )
    .orderBy(desc(agreements.blockedAt))
    .limit(QUEUE_LIMIT)
    .then((rows) => rows.map((r) => ({ ...r, blockedAt: r.blockedAt! })));

  // A case of hers that is running but on no meeting ahead: nobody will look at it together until she plans one.
  const withoutMeeting = await tx
    .select({ caseId: cases.id, number: cases.number, status: cases.status, targetGroup: cases.targetGroup })
    .from(cases)
    .where(
      and(
        eq(cases.regisseurUserId, actor.userId),
        inArray(cases.status, [...ACTIVE_CASE_STATUSES]),
        isNull(cases.pauseReason),
        notInArray(
          cases.id,
          tx
            .select({ caseId: sql<string>`${agendaItems.caseId}` })
            .from(agendaItems)
            .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
            .where(and(isNotNull(agendaItems.caseId), inArray(meetings.status, [...UPCOMING_MEETING]), gte(meetings.endsAt, clock.now))),
        ),
      ),
    )
    .orderBy(asc(cases.number))
    .limit(QUEUE_LIMIT);

  return {
    role: 'regisseur',
    today: clock.today,
    referralNorm: norm,
    referrals,
    meetingsToday,
    meetingsComing,
    signalsByLevel,
    lastVisit,
    blocked,
    withoutMeeting,
  };
}
