import { auditRowHash, type AuditRow } from './audit-hash';
import type { BulkSession } from './bulk';
import type { Directory } from './directory';
import { yieldToLoop, type Loader } from './loader';
import { DAY, type CasePlan } from './plan-cases';
import type { Random } from './random';

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
];
/** Rows per COPY: bounds the memory the audit phase needs whatever the total. */
const BATCH = 50_000;
/** Rows made between two yields to the event loop (so the previous batch keeps loading meanwhile). */
const SLICE = 2_000;
/** The lock audit_append() takes: while we hold it, no request can add a row to the chain in between. */
const AUDIT_LOCK = 736300101;

/**
 * The audit log of ten years: per case about `perCase` entries (views, changes, a refused attempt now and
 * then) over its lifetime, plus searches without a case. Ids follow time, as in a real log, and every row
 * is chained to the previous one (and the first to the current head), so `npm run audit:verify` passes.
 * Sorting 10 million moments is done on one Float64Array: moment (seconds) and case index packed in a number.
 */
export async function emitAudit(
  rng: Random,
  session: BulkSession,
  loader: Loader,
  plans: CasePlan[],
  directory: Directory,
  options: { perCase: number; now: number; start: number; timed: <T>(fn: () => T) => T },
): Promise<number> {
  if (options.perCase === 0 || plans.length === 0) return 0;
  await session.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const [head] = await session.query<{ last_id: number | null; last_hash: string | null; max_id: number | null }>(
    `select h.last_id, h.last_hash, (select max(id) from audit_log) as max_id from (select 1) one left join audit_head h on true`,
  );
  let prev = head?.last_hash ?? 'genesis';
  let id = Math.max(head?.max_id ?? 0, head?.last_id ?? 0);

  const caseBits = Math.ceil(Math.log2(plans.length + 2));
  const scale = 2 ** caseBits;
  const noCase = plans.length;
  const start = Math.floor(options.start / 1000);
  const sorted = options.timed(() => {
    const moments: number[] = [];
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      const end = Math.min(plan.closedAt === null ? options.now : plan.closedAt + 30 * DAY, options.now);
      const weight = plan.partners.length ? 1 : 0.3;
      const count = Math.round(options.perCase * weight * (0.5 + rng.next()));
      for (let n = 0; n < count; n++) moments.push((Math.floor((plan.created + rng.next() * (end - plan.created)) / 1000) - start) * scale + i);
    }
    // A tenth more: searches and sign-ins that concern no single case.
    const extra = Math.round(plans.length * options.perCase * 0.1);
    const span = Math.floor(options.now / 1000) - start;
    for (let n = 0; n < extra; n++) moments.push(Math.floor(rng.next() * span) * scale + noCase);
    return Float64Array.from(moments).sort();
  });

  const regisseurs = [...directory.regions.values()].flatMap((r) => r.regisseurs);
  const ips = Array.from({ length: 64 }, (_, i) => `10.${20 + (i % 8)}.${i}.${(i * 37) % 250}`);
  const emitRow = (packed: number) => {
    const index = packed % scale;
    const at = (Math.floor(packed / scale) + start) * 1000 + rng.int(0, 999);
    const row = index === noCase ? searchRow(rng, regisseurs, directory, at) : caseRow(rng, plans[index]!, directory, at);
    row.id = ++id;
    row.ip = rng.pick(ips);
    row.userAgent = rng.pick(USER_AGENTS);
    const atIso = new Date(row.at).toISOString();
    const hash = auditRowHash(prev, row, atIso);
    loader.add('audit_log', [
      row.id, atIso, row.userId, row.organisationId, row.role, row.action, row.entity, row.entityId,
      row.caseId, row.caseNumber, row.outcome, row.ip, row.userAgent, row.details, prev, hash,
    ]);
    prev = hash;
  };
  for (let from = 0; from < sorted.length; from += SLICE) {
    options.timed(() => {
      for (let k = from; k < Math.min(from + SLICE, sorted.length); k++) emitRow(sorted[k]!);
    });
    await yieldToLoop();
    if (loader.pending('audit_log') >= BATCH) await loader.flush();
  }
  await loader.drain();
  await session.query(`select setval(pg_get_serial_sequence('audit_log', 'id'), $1)`, [id]);
  await session.query(
    `insert into audit_head (last_id, last_hash) values ($1, $2)
     on conflict (singleton) do update set last_id = excluded.last_id, last_hash = excluded.last_hash`,
    [id, prev],
  );
  return sorted.length;
}

function base(userId: string, directory: Directory, at: number): AuditRow {
  return {
    id: 0, at, userId, organisationId: directory.orgOfUser.get(userId) ?? null, role: directory.roleOfUser.get(userId) ?? null,
    action: 'view', entity: 'case', entityId: null, caseId: null, caseNumber: null, outcome: 'allowed', ip: null, userAgent: null, details: null,
  };
}

function searchRow(rng: Random, regisseurs: string[], directory: Directory, at: number): AuditRow {
  const row = base(rng.pick(regisseurs), directory, at);
  if (rng.chance(0.2)) return { ...row, action: 'sign-in', entity: 'session' };
  return { ...row, action: 'search', entity: 'case-list' };
}

function caseRow(rng: Random, plan: CasePlan, directory: Directory, at: number): AuditRow {
  const partner = plan.partners.length && rng.chance(0.5) ? rng.pick(plan.partners).partner : null;
  const userId = partner?.professionalId ?? plan.regisseurId ?? plan.referrerId;
  const row = { ...base(userId, directory, at), caseId: plan.id, caseNumber: plan.number, entityId: plan.id };
  const kind = rng.next();
  if (kind < 0.65) return { ...row, details: `{"view": "${partner ? 'shared' : 'full'}"}` };
  if (kind < 0.9) return { ...row, action: 'update', entity: partner ? 'agreement-action' : 'case' };
  if (kind < 0.97) return { ...row, action: 'create', entity: partner ? 'agreement-action' : 'agreement' };
  return { ...row, action: 'denied', outcome: 'denied', entity: 'case' };
}
