import Dexie from 'dexie';
import type { Assignment } from '@shared/domain/assignment';
import type { AssignmentId, DealId, PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { RecordPatch, WriteEnv, Writer } from '@renderer/db/write';

/** What the Team tab and the heatmap send to put someone on a task. */
export interface AssignmentInput {
  readonly taskId: TaskId;
  readonly personId: PersonId;
  readonly roleId: RoleId | null;
  readonly hours: number;
}

export type AssignmentPatch = Partial<Pick<Assignment, 'personId' | 'roleId' | 'hours'>>;

/** The person is inactive (left, on long leave): new work cannot go to them. */
export class InactivePersonError extends Error {
  override readonly name = 'InactivePersonError';
  constructor(readonly personName: string) {
    super(`${personName} is inactive`);
  }
}

/** The task's deal is in the trash: its team cannot change until it is restored. */
export class AssignmentDealInTrashError extends Error {
  override readonly name = 'AssignmentDealInTrashError';
  constructor(readonly code: string) {
    super(`Deal ${code} is in the trash`);
  }
}

/** Dexie wraps our NotFoundError (a DOMException name) in a DexieError; hand back our own. */
function unwrapNotFound(error: unknown): never {
  if (error instanceof Dexie.DexieError && error.inner instanceof NotFoundError) throw error.inner;
  throw error;
}

function requireLiveTask(writer: Writer, taskId: TaskId) {
  return writer.require('tasks', taskId).then((task) => {
    if (task.deletedAt !== null) throw new NotFoundError('tasks', taskId);
    return writer.require('deals', task.dealId).then((deal) => {
      if (deal.deletedAt !== null) throw new AssignmentDealInTrashError(deal.code);
      return task;
    });
  });
}

function requireActivePerson(writer: Writer, personId: PersonId) {
  return writer.require('people', personId).then((person) => {
    if (person.deletedAt !== null) throw new NotFoundError('people', personId);
    if (!person.active) throw new InactivePersonError(person.name);
    return person;
  });
}

/** The trail's line for an assignment: which task, who, how many hours. */
function summaryOf(taskName: string, personName: string, hours: number): string {
  return `${taskName} · ${personName} · ${hours} h`;
}

/**
 * Puts a person on a task for a number of hours (spread over the task's working days on their
 * calendar when the load is computed). Recorded in the deal's trail; undoable.
 */
export async function assignPerson(
  db: PursuitDatabase,
  env: WriteEnv,
  input: AssignmentInput,
): Promise<Assignment> {
  return runWrite(
    db,
    env,
    ['deals', 'tasks', 'people', 'assignments'],
    async (writer) => {
      const task = await requireLiveTask(writer, input.taskId);
      const person = await requireActivePerson(writer, input.personId);
      writer.subject = `${task.name} · ${person.name}`;
      return writer.insert(
        'assignments',
        { ...input, dealId: task.dealId },
        summaryOf(task.name, person.name, input.hours),
      );
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/**
 * Changes an assignment's hours, role or person (a reassignment), made on revision `expectedRev`.
 * The trail shows the old and new person and hours.
 */
export async function updateAssignment(
  db: PursuitDatabase,
  env: WriteEnv,
  id: AssignmentId,
  expectedRev: number,
  patch: AssignmentPatch,
): Promise<Assignment> {
  return runWrite(
    db,
    env,
    ['deals', 'tasks', 'people', 'assignments'],
    async (writer) => {
      const current = await writer.require('assignments', id);
      if (current.deletedAt !== null)
        throw new StaleRevisionError('assignments', id, expectedRev, null);
      const task = await requireLiveTask(writer, current.taskId);
      const person =
        patch.personId !== undefined && patch.personId !== current.personId
          ? await requireActivePerson(writer, patch.personId)
          : await writer.require('people', current.personId);
      writer.subject = `${task.name} · ${person.name}`;
      return writer.update(
        'assignments',
        id,
        expectedRev,
        patch satisfies RecordPatch<'assignments'>,
        summaryOf(task.name, person.name, patch.hours ?? current.hours),
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/** Takes a person off a task (soft delete, undoable), recorded in the deal's trail. */
export async function removeAssignment(
  db: PursuitDatabase,
  env: WriteEnv,
  id: AssignmentId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'tasks', 'people', 'assignments'],
    async (writer) => {
      const current = await writer.require('assignments', id);
      if (current.deletedAt !== null)
        throw new StaleRevisionError('assignments', id, expectedRev, null);
      const task = await requireLiveTask(writer, current.taskId);
      const person = await writer.require('people', current.personId);
      writer.subject = `${task.name} · ${person.name}`;
      await writer.update(
        'assignments',
        id,
        expectedRev,
        { deletedAt: writer.at },
        summaryOf(task.name, person.name, current.hours),
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}

/**
 * A deal's live assignments and the people on the books (not in the trash), as stored now: read
 * when the user asks (a plan export names who works on what; an import matches names to people).
 */
export async function readStaffing(
  db: PursuitDatabase,
  dealId: DealId,
): Promise<{ assignments: Assignment[]; people: Person[] }> {
  const [assignments, people] = await Promise.all([
    db.assignments.where('dealId').equals(dealId).toArray(),
    db.people.toArray(),
  ]);
  return {
    assignments: assignments.filter((a) => a.deletedAt === null),
    people: people.filter((p) => p.deletedAt === null),
  };
}
