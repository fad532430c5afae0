/**
 * Flags what looks like the name of someone other than the subject in free text, for a person to review
 * before the art. 15 export is handed over (AVG art. 15(4): the copy may not adversely affect the rights
 * of others). It only flags; it never removes text, because a wrong redaction hides data the subject is
 * entitled to. Pure: the caller supplies what the house knows (lib/subject-access/name-context.ts).
 *
 * Three reasons, most specific first:
 * - staff-name: the full name of a user of the house (a professional or regisseur named in a note);
 * - contact-name: the full name of a partner organisation's escalation contact;
 * - name-like: two or more capitalised words, possibly joined by Dutch name particles ("Kees van Dam",
 *   "De Vries"), that are not the subject's own name and not an organisation or municipality.
 * Names of other subjects are caught by the last rule only: the house does not decrypt every other
 * subject's name to look for them, which would itself be a processing of their data without need.
 */

export type FlagReason = 'staff-name' | 'contact-name' | 'name-like';

export interface NameFlag {
  text: string;
  /** Offsets into the field's text, in UTF-16 code units (as JavaScript strings index). */
  start: number;
  end: number;
  reason: FlagReason;
}

export interface NameContext {
  /** Full names of the house's users. */
  staffNames: readonly string[];
  /** Full names of organisation contact persons. */
  contactNames: readonly string[];
  /** The subject's own name(s): their words are never flagged as name-like. */
  subjectNames: readonly string[];
  /** Organisation names, short names, municipality names: words that are not a person's name. */
  knownNonNames: readonly string[];
}

/** Particles inside Dutch (and some other) surnames: lower case between capitalised words. */
const PARTICLES = ['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', "'t", 'in', 'op', 'el', 'al', 'la', 'le', 'du', 'da', 'von', 'zu', 'bin', 'ben'];

/**
 * Capitalised words that start sentences or name institutions, never a person. A capitalised pair made
 * only of these and of known non-names is not flagged ("Op Maandag", "Veilig Thuis").
 */
const COMMON_WORDS = new Set(
  [
    'de', 'het', 'een', 'deze', 'die', 'dit', 'dat', 'op', 'in', 'bij', 'met', 'voor', 'na', 'naar', 'van', 'om', 'per', 'tot', 'uit',
    'over', 'onder', 'tijdens', 'volgens', 'namens', 'hij', 'zij', 'ze', 'wij', 'we', 'er', 'ook', 'en', 'of', 'maar', 'wel', 'niet', 'geen',
    'alle', 'elke', 'ieder', 'iedere', 'zijn', 'haar', 'hun', 'mijn', 'ons', 'onze', 'meneer', 'mevrouw', 'dhr', 'mevr', 'moeder', 'vader',
    'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'april', 'mei', 'juni',
    'juli', 'augustus', 'september', 'oktober', 'november', 'december', 'gemeente', 'politie', 'wijkteam', 'wijkagent', 'reclassering',
    'veiligheidshuis', 'casusoverleg', 'zorg', 'thuis', 'regio', 'openbaar', 'ministerie', 'rechtbank', 'raad', 'kinderbescherming',
    'jeugdbescherming', 'huisarts', 'school', 'nederland', 'plan', 'aanpak', 'afspraak', 'afspraken', 'actie', 'besluit', 'triage',
    'buurman', 'buurvrouw', 'buren', 'zus', 'broer', 'neef', 'nicht', 'oom', 'tante', 'opa', 'oma', 'zoon', 'dochter', 'partner', 'ex',
    'collega', 'volgens', 'gesprek', 'contact', 'melding', 'top',
  ],
);

const WORD = String.raw`\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*`;
const PARTICLE = `(?:${PARTICLES.map((p) => p.replace("'", "['’]")).join('|')})`;
/**
 * A capitalised word, then one or more further words each optionally preceded by particles; or particles
 * capitalised at the start ("De Vries", "Van der Berg"). Lookarounds keep it on word boundaries.
 */
const NAME_LIKE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${WORD})(?:\s+(?:${PARTICLE}\s+){0,3}${WORD})+(?![\p{L}\p{N}])`,
  'gu',
);

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

const wordsOf = (s: string) => normalise(s).split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word, case-insensitive occurrence of one of `names` in `text`. */
function occurrences(text: string, names: readonly string[], reason: FlagReason): NameFlag[] {
  const out: NameFlag[] = [];
  for (const name of new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))) {
    // Whitespace inside a name may be any run of whitespace in the text (a line break in a note).
    const pattern = new RegExp(
      String.raw`(?<![\p{L}\p{N}])${name.split(/\s+/).map(escapeRegExp).join(String.raw`\s+`)}(?![\p{L}\p{N}])`,
      'giu',
    );
    for (const match of text.matchAll(pattern)) {
      out.push({ text: match[0], start: match.index, end: match.index + match[0].length, reason });
    }
  }
  return out;
}

/**
 * Drops leading common words ("Buurman Kees van Dam" → "Kees van Dam") as long as two capitalised words
 * remain, so that the flag marks the name and not the sentence start ("De Groot" stays whole).
 */
function trimLeadingCommonWords(flag: NameFlag): NameFlag {
  let { text, start } = flag;
  for (;;) {
    const lead = /^(\S+)\s+/u.exec(text);
    if (!lead || !COMMON_WORDS.has(normalise(lead[1]!))) return { ...flag, text, start };
    const rest = text.slice(lead[0].length);
    if (wordsOf(rest).filter((w) => !PARTICLES.includes(w)).length < 2) return { ...flag, text, start };
    text = rest;
    start += lead[0].length;
  }
}

/** Particles that begin a surname on their own ("De Vries", "Van Dijk"); "Op de Top" is no name. */
const SURNAME_STARTERS = ['de', 'van', 'den', 'der', 'ter', 'ten', 'el', 'al', 'la', 'le', 'du', 'da', 'von'];

/** Whether a name-like match is nothing but the subject's own name, common words and known non-names. */
function isHarmless(candidate: string, own: Set<string>, nonNames: Set<string>): boolean {
  const words = wordsOf(candidate);
  const capitalised = words.filter((w) => !PARTICLES.includes(w));
  // A lone surname counts only behind a surname particle at the start.
  if (capitalised.length < 2 && !SURNAME_STARTERS.includes(words[0]!)) return true;
  if (capitalised.every((w) => own.has(w))) return true;
  return capitalised.every((w) => COMMON_WORDS.has(w) || nonNames.has(w));
}

export function flagNames(text: string, context: NameContext): NameFlag[] {
  if (!text) return [];
  const ownFull = new Set(context.subjectNames.map(normalise));
  const own = new Set(context.subjectNames.flatMap(wordsOf));
  const nonNames = new Set(context.knownNonNames.flatMap(wordsOf));
  // A staff member who shares the subject's full name is the subject as far as this text can tell.
  const notOwn = (flag: NameFlag) => !ownFull.has(normalise(flag.text));

  const specific = [
    ...occurrences(text, context.staffNames, 'staff-name'),
    ...occurrences(text, context.contactNames, 'contact-name'),
  ].filter(notOwn);
  const nameLike = [...text.matchAll(NAME_LIKE)]
    .map((m): NameFlag => trimLeadingCommonWords({ text: m[0], start: m.index, end: m.index + m[0].length, reason: 'name-like' }))
    .filter((f) => !isHarmless(f.text, own, nonNames));

  // Longest and most specific first; a span overlapping one already taken is dropped.
  const rank: Record<FlagReason, number> = { 'staff-name': 0, 'contact-name': 1, 'name-like': 2 };
  const candidates = [...specific, ...nameLike].sort(
    (a, b) => rank[a.reason] - rank[b.reason] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken: NameFlag[] = [];
  for (const flag of candidates) {
    if (!taken.some((t) => flag.start < t.end && t.start < flag.end)) taken.push(flag);
  }
  return taken.sort((a, b) => a.start - b.start);
}
