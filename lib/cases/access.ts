import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { casePartners, cases, type CaseStatus, type PauseReason } from '@/db/schema';
import { asSystem, asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { decide, isDenied, type CaseAction, type Decision, type Relation } from '@/lib/access/matrix';
import { auditDenied } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { forbidden, NotFoundError, validation, msg } from '@/lib/errors';
import { caseIdSchema } from './schemas';
import { isEndedCase } from './statuses';

export interface CaseRef {
  id: string;
  number: string;
  status: CaseStatus;
  pauseReason: PauseReason | null;
  version: number;
}

/** The 404 of a case that does not exist or that the actor may not know: a type callers can test for. */
export class CaseNotFoundError extends NotFoundError {
  constructor() {
    super('case', msg('cases.notFound'));
    this.name = 'CaseNotFoundError';
  }
}

export const caseNotFound = () => new CaseNotFoundError();

/** New work (agreements, partners, a case lead) only on a case that has not ended. */
export function assertNotEnded(ref: CaseRef): void {
  if (isEndedCase(ref.status)) {
    const message = msg('cases.ended');
    throw validation({ _: [message] }, message);
  }
}

/** SQL: the actor's organisation is a convened partner of the case now. */
export function convenedTo(actor: Actor, caseId: AnyPgColumn | string) {
  return sql`exists (select 1 from ${casePartners} where ${casePartners.caseId} = ${caseId}
    and ${casePartners.organisationId} = ${actor.organisationId} and ${casePartners.endedAt} is null)`;
}

/**
 * Loads the case as far as the actor may know it exists, and how the actor stands to it. The filter is
 * written out here (first line of defence) and row-level security applies underneath (second line).
 */
async function loadCaseRef(tx: Tx, actor: Actor, caseId: string | SQL): Promise<{ ref: CaseRef | null; relation: Relation }> {
  const columns = {
    id: cases.id,
    number: cases.number,
    status: cases.status,
    pauseReason: cases.pauseReason,
    version: cases.version,
  };
  if (actor.role === 'regisseur') {
    const [ref] = await tx.select(columns).from(cases).where(eq(cases.id, caseId));
    return { ref: ref ?? null, relation: 'none' };
  }
  if (actor.role === 'professional') {
    const [row] = await tx
      .select({ ...columns, convened: sql<boolean>`${convenedTo(actor, cases.id)}` })
      .from(cases)
      .where(
        and(eq(cases.id, caseId), sql`(${convenedTo(actor, cases.id)} or ${cases.referrerUserId} = ${actor.userId})`),
      );
    if (!row) return { ref: null, relation: 'none' };
    const { convened, ...ref } = row;
    return { ref, relation: convened ? 'convened' : 'referrer' };
  }
  if (actor.role === 'manager') {
    const rows = await tx.execute(
      sql`select id, number, status, pause_reason as "pauseReason", version from case_facts where id = ${caseId}`,
    );
    const [ref] = (rows as unknown as { rows: CaseRef[] }).rows;
    return { ref: ref ?? null, relation: 'none' };
  }
  return { ref: null, relation: 'none' };
}

export interface CaseContext {
  ref: CaseRef;
  decision: Exclude<Decision, 'forbidden' | 'hidden'>;
  /** How the actor stands to the case: what a reader of several parts decides each part by. */
  relation: Relation;
}

/**
 * A case named by something of it (an agreement): an SQL expression for its id, resolved in the statement
 * that checks the case (one round trip), whatever the actor may see.
 */
export class CaseLookup {
  constructor(readonly id: SQL) {}
}

/**
 * Runs `fn` in one transaction for a case the actor may act on. Otherwise the attempt is audited
 * (in its own transaction) and answered 404 when the actor may not know the case, 403 when they may.
 */
export async function withCase<T>(
  actor: Actor,
  caseId: unknown | CaseLookup,
  action: CaseAction,
  fn: (tx: Tx, ctx: CaseContext) => Promise<T>,
  options: { deniedEntity?: { entity: string; entityId: string } } = {},
): Promise<T> {
  let id: string | SQL;
  if (caseId instanceof CaseLookup) id = caseId.id;
  else {
    const parsed = caseIdSchema.safeParse(caseId);
    if (!parsed.success) throw new NotFoundError('case', parsed.error.issues[0]!.message);
    id = parsed.data;
  }
  const outcome = await asUser(actor.userId, async (tx) => {
    const { ref, relation } = await loadCaseRef(tx, actor, id);
    const decision = ref ? decide(actor.role, action, relation) : 'hidden';
    if (!ref || isDenied(decision)) return { denied: decision as 'forbidden' | 'hidden', ref } as const;
    return { value: await fn(tx, { ref, decision, relation }) } as const;
  });
  if ('denied' in outcome) {
    // The actor may not know the case, but its regisseur must see who tried (NEN 7513).
    const known =
      outcome.ref ??
      (await asSystem(async (tx) => {
        const [row] = await tx.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, id));
        return row;
      }));
    await auditDenied(actor, {
      action: 'denied',
      // What was asked for (an agreement, say), logged against its case when there is one.
      entity: options.deniedEntity?.entity ?? 'case',
      entityId: options.deniedEntity?.entityId ?? (typeof id === 'string' ? id : known?.id),
      caseId: known?.id ?? null,
      caseNumber: known?.number ?? null,
      details: { attempted: action },
    });
    throw outcome.denied === 'hidden' ? caseNotFound() : forbidden();
  }
  return outcome.value;
}

/** Actions without a case (create, list) are decided by role alone. */
export async function assertAllowed(actor: Actor, action: CaseAction): Promise<Decision> {
  const decision = decide(actor.role, action, 'none');
  if (isDenied(decision)) {
    await auditDenied(actor, { action: 'denied', entity: 'case', details: { attempted: action } });
    throw forbidden();
  }
  return decision;
}

