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
