import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Modal, Typography } from 'antd';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Settings } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import { assignableTasks, proposeAssignment } from '@shared/resources/assignable';
import { usePlanRecords } from '@renderer/db/hooks/plan';
import { useRoles, useSettings } from '@renderer/db/hooks/queries';
import { AssignDialog } from '@renderer/features/resources/components/AssignDialog';
import type { AssignIntent } from '@renderer/features/resources/components/AssignDialog';
import { PeoplePanel, PersonChip } from '@renderer/features/resources/components/AssignByDrag';

/** A person dropped on a deal card: whom, and onto which deal. */
export interface AssignToDealRequest {
  readonly dealId: DealId;
  readonly code: string;
  readonly personId: PersonId;
}

interface AssignToDealProps {
  readonly request: AssignToDealRequest;
  /** The people the board knows (not in the trash). */
  readonly people: readonly Person[];
  readonly onClose: () => void;
}

/**
 * After a person is dropped on a deal card: the assignment dialog with the person and the deal's
 * assignable tasks (no summaries, no milestones) to choose from, the task and role proposed by
 * `proposeAssignment`. A deal with no such task says so and offers its plan instead. Mounted per
 * request (keyed by the caller), so the deal's plan is read only while it is open.
 */
export function AssignToDeal({ request, people, onClose }: AssignToDealProps) {
  const records = usePlanRecords(request.dealId);
  const roles = useRoles();
  const settings = useSettings();
  const tasks = useMemo(() => (records ? assignableTasks(records.tasks) : undefined), [records]);
  const person = people.find((p) => p.id === request.personId);
  if (!tasks || !roles || !settings || !person) return null;
  if (tasks.length === 0) return <NoTasks request={request} onClose={onClose} />;
  return (
    <Loaded
      person={person}
      people={people}
      tasks={tasks}
      roles={roles}
      settings={settings}
      onClose={onClose}
    />
  );
}

function Loaded({
  person,
  people,
  tasks,
  roles,
  settings,
  onClose,
}: {
  person: Person;
  people: readonly Person[];
  tasks: readonly Task[];
  roles: readonly Role[];
  settings: Settings;
  onClose: () => void;
}) {
  // Proposed once, when the dialog opens: a change to the plan while it is open does not reset
  // what the user has entered.
  const [intent] = useState<AssignIntent>(() => {
    const proposal = proposeAssignment(person, tasks);
    return {
      kind: 'assign',
      taskId: proposal.taskId,
      roleId: proposal.roleId,
      personId: person.id,
    };
  });
  return (
    <AssignDialog
      intent={intent}
      tasks={tasks}
      people={people}
      roles={roles}
      settings={settings}
      onClose={onClose}
    />
  );
}

function NoTasks({ request, onClose }: { request: AssignToDealRequest; onClose: () => void }) {
  const { t } = useTranslation('pipeline');
  const navigate = useNavigate();
  return (
    <Modal
      open
      title={t('assign.noTasksTitle', { code: request.code })}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('assign.close')}
        </Button>,
        <Button
          key="plan"
          type="primary"
          onClick={() => {
            onClose();
            void navigate(`/deals/${request.dealId}/plan`);
          }}
        >
          {t('assign.openPlan')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('assign.noTasksBody')}</Typography.Paragraph>
    </Modal>
  );
}

/** The image following the pointer while a person is dragged over the board. */
export function DraggedPerson({ person }: { person: Person }) {
  const roles = useRoles();
  return <PersonChip person={person} roles={roles ?? []} lifted />;
}

/** The people panel beside the board: the active people, each draggable onto a deal card. */
export function BoardPeoplePanel({
  people,
  onClose,
}: {
  people: readonly Person[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['pipeline', 'resources']);
  const roles = useRoles();
  return (
    <PeoplePanel
      people={people}
      roles={roles ?? []}
      onClose={onClose}
      title={t('assign.title')}
      roleDescription={t('resources:dragAssign.roleDescription')}
      maxListHeight="calc(100vh - 260px)"
    />
  );
}
