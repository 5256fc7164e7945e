import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { Assignment } from '@shared/domain/assignment';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import {
  AssignmentDealInTrashError,
  assignPerson,
  InactivePersonError,
  removeAssignment,
  updateAssignment,
} from '@renderer/db/repositories/assignments';
import type { AssignmentInput, AssignmentPatch } from '@renderer/db/repositories/assignments';
import { createPerson, updatePerson } from '@renderer/db/repositories/people';
import type { PersonPatch } from '@renderer/db/repositories/people';
import { createRole, updateRole } from '@renderer/db/repositories/roles';
import type { RoleInput } from '@renderer/db/repositories/roles';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * People, role and assignment commands bound to the database. Each says what happened in the
 * user's language; a failed write changed nothing and is rethrown, so a form keeps its values.
 * Assignment changes offer Undo in their message.
 */
export function useResourceActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('resources');
  const { message } = App.useApp();
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();

  return useMemo(() => {
    const specific = (error: unknown): string | null => {
      if (error instanceof InactivePersonError)
        return t('errors.inactive', { name: error.personName });
      if (error instanceof AssignmentDealInTrashError) {
        return t('errors.dealInTrash', { code: error.code });
      }
      return null;
    };
    const report = (error: unknown): never => feedback.fail(error, specific);

    const withUndo = (key: string, content: string) => feedback.withUndo(key, content, undo);

    return {
      async createPerson(patch: Required<PersonPatch>): Promise<Person> {
        const saved = await createPerson(db, env, patch).catch(report);
        message.success(t('people.created', { name: saved.name }));
        return saved;
      },
      async updatePerson(person: Person, patch: PersonPatch): Promise<Person> {
        const saved = await updatePerson(db, env, person.id, person.rev, patch).catch(report);
        withUndo(`person-${saved.id}`, t('people.saved', { name: saved.name }));
        return saved;
      },
      async createRole(input: RoleInput, label: string): Promise<Role> {
        const saved = await createRole(db, env, input).catch(report);
        message.success(t('roles.created', { name: label }));
        return saved;
      },
      async updateRole(role: Role, input: RoleInput, label: string): Promise<Role> {
        const saved = await updateRole(db, env, role.id, role.rev, input).catch(report);
        message.success(t('roles.saved', { name: label }));
        return saved;
      },
      async assign(input: AssignmentInput, names: { person: string; task: string }) {
        const saved = await assignPerson(db, env, input).catch(report);
        withUndo(
          `assign-${saved.id}`,
          t('actions.assigned', { name: names.person, task: names.task }),
        );
        return saved;
      },
      async update(
        assignment: Assignment,
        patch: AssignmentPatch,
        names: { person: string; task: string },
      ) {
        const saved = await updateAssignment(db, env, assignment.id, assignment.rev, patch).catch(
          report,
        );
        const moved = patch.personId !== undefined && patch.personId !== assignment.personId;
        withUndo(
          `assignment-${saved.id}`,
          moved
            ? t('actions.reassigned', { name: names.person, task: names.task })
            : t('actions.hoursChanged', {
                name: names.person,
                task: names.task,
                hours: saved.hours,
              }),
        );
        return saved;
      },
      async remove(assignment: Assignment, names: { person: string; task: string }) {
        await removeAssignment(db, env, assignment.id, assignment.rev).catch(report);
        withUndo(
          `assignment-${assignment.id}`,
          t('actions.removed', { name: names.person, task: names.task }),
        );
      },
    };
  }, [db, env, t, message, feedback, undo]);
}
