import type { Person } from '@shared/domain/person';
import type { PursuitDatabase } from '@renderer/db/database';
import { runWrite } from '@renderer/db/write';
import type { NewRecord, WriteEnv } from '@renderer/db/write';

export type PersonInput = Pick<Person, 'name' | 'roleIds' | 'costRate'> &
  Partial<Omit<NewRecord<'people'>, 'name' | 'roleIds' | 'costRate'>>;

/** Adds someone to the pool (from the deal form's owner picker or the people list). */
export async function createPerson(
  db: PursuitDatabase,
  env: WriteEnv,
  input: PersonInput,
): Promise<Person> {
  return runWrite(
    db,
    env,
    ['people'],
    (writer) => {
      writer.subject = input.name;
      return writer.insert(
        'people',
        {
          email: '',
          teamId: null,
          weeklyCapacityHours: 40,
          workingWeek: [1, 2, 3, 4, 5],
          leaveDays: [],
          active: true,
          ...input,
        },
        input.name,
      );
    },
    { undoAction: 'create' },
  );
}

/** The fields the people list edits. */
export type PersonPatch = Partial<
  Pick<
    Person,
    | 'name'
    | 'email'
    | 'roleIds'
    | 'teamId'
    | 'costRate'
    | 'weeklyCapacityHours'
    | 'workingWeek'
    | 'leaveDays'
    | 'active'
  >
>;

/** Saves an edit made on the copy at revision `expectedRev` (refused if changed since). */
export async function updatePerson(
  db: PursuitDatabase,
  env: WriteEnv,
  id: string,
  expectedRev: number,
  patch: PersonPatch,
): Promise<Person> {
  return runWrite(
    db,
    env,
    ['people'],
    (writer) =>
      writer.require('people', id).then((current) => {
        writer.subject = patch.name ?? current.name;
        return writer.update('people', id, expectedRev, patch, writer.subject);
      }),
    { undoAction: 'update' },
  );
}
