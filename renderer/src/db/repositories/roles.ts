import type { Role } from '@shared/domain/role';
import type { PursuitDatabase } from '@renderer/db/database';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

/** The fields a user edits on a role. */
export type RoleInput = Pick<Role, 'name' | 'defaultRate'>;

/** A machine key for a new role, unique by construction (names may be in any script). */
function newRoleKey(id: string): string {
  return `role_${id
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 12)}`;
}

/** Adds a role to the configurable list. */
export async function createRole(
  db: PursuitDatabase,
  env: WriteEnv,
  input: RoleInput,
): Promise<Role> {
  return runWrite(
    db,
    env,
    ['roles'],
    (writer) => {
      const id = env.newId();
      writer.subject = input.name.en;
      return writer.insert('roles', { ...input, id, key: newRoleKey(id) }, input.name.en);
    },
    { undoAction: 'create' },
  );
}

/** Saves a role's names and default rate, made on revision `expectedRev`. */
export async function updateRole(
  db: PursuitDatabase,
  env: WriteEnv,
  id: string,
  expectedRev: number,
  input: RoleInput,
): Promise<Role> {
  return runWrite(
    db,
    env,
    ['roles'],
    (writer) => {
      writer.subject = input.name.en;
      return writer.update('roles', id, expectedRev, input, input.name.en);
    },
    { undoAction: 'update' },
  );
}
