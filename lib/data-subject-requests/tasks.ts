import { and, asc, eq, sql } from 'drizzle-orm';
import { dataSubjectRequestTasks, type DataSubjectRequestTask } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { enforce } from '@/lib/access/enforce';
import type { DataSubjectTaskRelation } from '@/lib/access/data-subject-requests';
import type { Actor } from '@/lib/actor';
import { audit, subjectOf } from '@/lib/audit/record';
import { AppError, conflict, msg } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { answerTaskSchema } from './schemas';
import { countdown } from './term';

/*
 * A partner's part of a request. Its people see their organisation's task only: the request's kind and
 * term, and their own answer; never who asked, the cases, or another partner's answer. Another
 * organisation's task, a task that does not exist and a malformed id all answer the same 404.
 */

const TASK = {
  id: dataSubjectRequestTasks.id,
  organisationId: dataSubjectRequestTasks.organisationId,
  kind: dataSubjectRequestTasks.kind,
  dueOn: dataSubjectRequestTasks.dueOn,
  status: dataSubjectRequestTasks.status,
  noData: dataSubjectRequestTasks.noData,
  answer: dataSubjectRequestTasks.answer,
  answeredAt: dataSubjectRequestTasks.answeredAt,
  version: dataSubjectRequestTasks.version,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The task if it is the actor's organisation's; else the refusal is logged and answered 404. */
async function ownTask(actor: Actor, id: unknown, attempted: string): Promise<TaskRow> {
  const taskId = typeof id === 'string' && UUID.test(id) ? id : null;
  const [task] = taskId
    ? await asUser(actor.userId, (tx) => tx.select(TASK).from(dataSubjectRequestTasks).where(eq(dataSubjectRequestTasks.id, taskId)))
    : [];
  const relation: DataSubjectTaskRelation = task && task.organisationId === actor.organisationId ? 'own' : 'other';
  await enforce(actor, 'dataSubjectTask.answer', { entity: 'data-subject-request-task', entityId: taskId ?? undefined, attempted, kind: 'resource' }, relation);
  return task!;
}

type TaskRow = Pick<DataSubjectRequestTask, keyof typeof TASK>;

const view = (task: TaskRow, now: Date) => {
  const { id, kind, dueOn, status, noData, answer, answeredAt, version } = task;
  return { id, kind, dueOn, status, noData, answer, answeredAt, version, countdown: task.status === 'open' ? countdown(task.dueOn, now) : null };
};

/** The open and answered tasks of the actor's organisation, nearest term first. */
export async function listOwnTasks(actor: Actor, now = new Date()) {
  await enforce(actor, 'dataSubjectTask.answer', { entity: 'data-subject-request-task', attempted: 'dataSubjectTask.list', kind: 'resource' }, 'own');
  const rows = await asUser(actor.userId, (tx) =>
    tx
      .select(TASK)
      .from(dataSubjectRequestTasks)
      .where(eq(dataSubjectRequestTasks.organisationId, actor.organisationId))
      .orderBy(sql`${dataSubjectRequestTasks.status} = 'answered'`, asc(dataSubjectRequestTasks.dueOn))
      .limit(200),
  );
  return rows.map((task) => view(task, now));
}

export async function getTask(actor: Actor, id: unknown, now = new Date()) {
  return view(await ownTask(actor, id, 'dataSubjectTask.view'), now);
}

/** The organisation's answer to its part: a short text, or "geen gegevens"; once, at the version read. */
export async function answerTask(actor: Actor, id: unknown, raw: unknown, now = new Date()) {
  const task = await ownTask(actor, id, 'dataSubjectTask.answer');
  const input = parseOrThrow(answerTaskSchema, raw);
  return asUser(actor.userId, async (tx) => {
    const [updated] = await tx
      .update(dataSubjectRequestTasks)
      .set({
        status: 'answered',
        noData: input.noData,
        answer: input.noData && input.answer === '' ? null : input.answer,
        answeredAt: now,
        answeredBy: actor.userId,
        version: sql`${dataSubjectRequestTasks.version} + 1`,
      })
      .where(
        and(
          eq(dataSubjectRequestTasks.id, task.id),
          eq(dataSubjectRequestTasks.organisationId, actor.organisationId),
          eq(dataSubjectRequestTasks.version, input.version),
          eq(dataSubjectRequestTasks.status, 'open'),
        ),
      )
      .returning({ version: dataSubjectRequestTasks.version });
    if (!updated) {
      if (task.status === 'answered') throw new AppError('CONFLICT', msg('dsr.taskAnswered'));
      throw conflict();
    }
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'data-subject-request-task',
      entityId: task.id,
      details: { answered: true, noData: input.noData },
    });
    return { id: task.id, version: updated.version };
  });
}
