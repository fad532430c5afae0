import { SIGNAL_RULES } from '@/lib/stagnation/signal';
import { SIGNAL_LEVEL_NAMES, type SignalLevelName } from './levels';
import type { SignalItem } from './signal-views';

/** The signals about one subject: one agreement (all its rules on one card), the case itself, or an organisation. */
export interface SignalSubjectCard {
  key: string;
  subjectType: SignalItem['subjectType'];
  subjectId: string;
  agreementDescription: string | null;
  organisationName: string | null;
  /** The highest rung any of them reached. */
  level: SignalLevelName;
  /** In the fixed order of the rules, so a card reads the same every time. */
  signals: SignalItem[];
  /** Every signal on it was acted on in this session of work (resolved or snoozed since the page loaded). */
  acted: boolean;
}

export interface SignalCaseGroup {
  key: string;
  /** Null for signals about a partner organisation as a whole (they span cases). */
  caseId: string | null;
  caseNumber: string | null;
  targetGroup: string | null;
  municipalityName: string | null;
  organisationName: string | null;
  cards: SignalSubjectCard[];
  count: number;
  acted: boolean;
}

const SUBJECT_ORDER = { case: 0, agreement: 1, organisation: 2 } as const;
const ruleIndex = (s: SignalItem) => SIGNAL_RULES.indexOf(s.rule);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const time = (v: Date | string) => new Date(v).getTime();

/**
 * The signal list as a regisseur works through it: per case, and within a case one card per agreement. The
 * order depends only on what an action does not change (case number, when a subject was first signalled,
 * the rule), so resolving or snoozing one never moves the others; an acted-on card stays in its place.
 */
export function groupSignals(items: SignalItem[], actedIds: ReadonlySet<string> = new Set()): SignalCaseGroup[] {
  const groups = new Map<string, SignalCaseGroup>();
  const cards = new Map<string, SignalSubjectCard>();
  const firstRaised = new Map<string, number>();
  for (const item of items) {
    const groupKey = item.caseId ?? `organisation:${item.organisationId ?? ''}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        key: groupKey,
        caseId: item.caseId,
        caseNumber: item.caseNumber,
        targetGroup: item.targetGroup,
        municipalityName: item.municipalityName,
        organisationName: item.caseId ? null : item.organisationName,
        cards: [],
        count: 0,
        acted: false,
      };
      groups.set(groupKey, group);
    }
    const cardKey = `${groupKey}/${item.subjectType}:${item.subjectId}`;
    let card = cards.get(cardKey);
    if (!card) {
      card = {
        key: cardKey,
        subjectType: item.subjectType,
        subjectId: item.subjectId,
        agreementDescription: item.agreementDescription,
        organisationName: item.organisationName,
        level: item.level,
        signals: [],
        acted: false,
      };
      cards.set(cardKey, card);
      group.cards.push(card);
    }
    card.signals.push(item);
    firstRaised.set(cardKey, Math.min(firstRaised.get(cardKey) ?? Infinity, time(item.createdAt)));
    if (SIGNAL_LEVEL_NAMES.indexOf(item.level) > SIGNAL_LEVEL_NAMES.indexOf(card.level)) card.level = item.level;
    group.count++;
  }
  for (const group of groups.values()) {
    for (const card of group.cards) {
      card.signals.sort((a, b) => ruleIndex(a) - ruleIndex(b) || compare(a.id, b.id));
      card.acted = card.signals.every((s) => actedIds.has(s.id));
    }
    group.cards.sort(
      (a, b) =>
        SUBJECT_ORDER[a.subjectType] - SUBJECT_ORDER[b.subjectType] ||
        firstRaised.get(a.key)! - firstRaised.get(b.key)! ||
        compare(a.subjectId, b.subjectId),
    );
    group.acted = group.cards.every((c) => c.acted);
  }
  // Cases by number (oldest first), then the organisation groups by name.
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.caseId === null) - Number(b.caseId === null) ||
      compare(a.caseNumber ?? a.organisationName ?? '', b.caseNumber ?? b.organisationName ?? '') ||
      compare(a.key, b.key),
  );
}
