import { memo, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Announcements, DragEndEvent, DragStartEvent, UniqueIdentifier } from '@dnd-kit/core';
import { Button, Card, Empty, Flex, Input, Spin, Tag, Typography } from 'antd';
import { CloseOutlined, HolderOutlined } from '@ant-design/icons';
import type { PersonId, TaskId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Task } from '@shared/domain/task';
import { inLocale } from '@shared/pipeline/labels';
import { usePeople, useRoles, useSettings } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import {
  DOWN,
  pointerOrItem,
  PromptKeyboardSensor,
  targetCoordinates,
} from '@renderer/app/utils/keyboardDrag';
import { AssignDialog } from '@renderer/features/resources/components/AssignDialog';
import type { AssignIntent } from '@renderer/features/resources/components/AssignDialog';

/** Pixels a pointer moves before a press becomes a drag (a click on a name stays a click). */
const DRAG_DISTANCE_PX = 4;

/** What a dragged person carries (the keyboard sensor starts from no target: no `home`). */
export interface PersonDragData {
  readonly personId: PersonId;
}

interface AssignByDragProps {
  /** The people panel is shown (and the targets accept drops). */
  readonly open: boolean;
  readonly onClose: () => void;
  /** The deal's tasks: the dialog's choices. */
  readonly tasks: readonly Task[];
  /**
   * The drop targets' ids (task ids) in screen order, for the arrow keys. The targets themselves
   * are the children's `useDroppable` nodes with these ids.
   */
  readonly targets: readonly string[];
  /** What to call a target in announcements. */
  readonly targetName: (id: string) => string;
  readonly children: ReactNode;
}

/**
 * Assign by drag and drop: a panel of the active people beside `children` (the plan grid), whose
 * task rows are drop targets. Dropping a person on a task (pointer, or keyboard: Space, arrows,
 * Space) opens the assignment dialog with the person, the task and its role filled in, so only the
 * hours are left to enter; the dialog shows how they spread before anything is saved.
 */
export function AssignByDrag({
  open,
  onClose,
  tasks,
  targets,
  targetName,
  children,
}: AssignByDragProps) {
  const { t } = useTranslation('resources');
  const people = usePeople();
  const roles = useRoles();
  const settings = useSettings();
  const [dragged, setDragged] = useState<Person | null>(null);
  const [intent, setIntent] = useState<AssignIntent | null>(null);

  const targetKey = targets.join(' ');
  const keyboardOptions = useMemo(
    () => ({
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      coordinateGetter: targetCoordinates(targetKey === '' ? [] : targetKey.split(' '), DOWN),
    }),
    [targetKey],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_DISTANCE_PX } }),
    useSensor(PromptKeyboardSensor, keyboardOptions),
  );

  const personOf = (id: UniqueIdentifier) => people?.find((p) => p.id === String(id));
  const nameOf = (id: UniqueIdentifier) => personOf(id)?.name ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dragAssign.pickedUp', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('dragAssign.over', { name: nameOf(active.id), task: targetName(String(over.id)) })
        : t('dragAssign.overNone', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dragAssign.dropped', { name: nameOf(active.id), task: targetName(String(over.id)) })
        : t('dragAssign.droppedNone', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('dragAssign.cancelled', { name: nameOf(active.id) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragged(personOf(active.id) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const person = personOf(active.id);
    const task = over ? tasks.find((x) => x.id === String(over.id)) : undefined;
    if (!person || !task) return;
    setIntent({
      kind: 'assign',
      taskId: task.id as TaskId,
      roleId: task.requiredRoleId ?? person.roleIds[0] ?? null,
      personId: person.id,
    });
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={pointerOrItem}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('dragAssign.instructions') },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        <Flex gap={8} align="stretch">
          {open && (
            <PeoplePanel
              people={people}
              roles={roles ?? []}
              onClose={onClose}
              roleDescription={t('dragAssign.roleDescription')}
            />
          )}
          <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
        </Flex>
        <DragOverlay dropAnimation={null}>
          {dragged ? <PersonChip person={dragged} roles={roles ?? []} lifted /> : null}
        </DragOverlay>
      </DndContext>
      {settings && people && roles && (
        <AssignDialog
          intent={intent}
          tasks={tasks}
          people={people}
          roles={roles}
          settings={settings}
          onClose={() => setIntent(null)}
        />
      )}
    </>
  );
}

interface PeoplePanelProps {
  readonly people: readonly Person[] | undefined;
  readonly roles: readonly Role[];
  readonly roleDescription: string;
  readonly onClose: () => void;
  /** The panel's heading (what to drag people onto); a task by default. */
  readonly title?: string;
  /** Height of the list before it scrolls. */
  readonly maxListHeight?: number | string;
}

/**
 * The active people, filterable by name or role, each draggable (inside the caller's
 * `DndContext`) onto whatever the caller's drop targets are: a task, a deal card.
 */
export function PeoplePanel({
  people,
  roles,
  roleDescription,
  onClose,
  title,
  maxListHeight = 560,
}: PeoplePanelProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const [query, setQuery] = useState('');
  const roleName = (id: string) => {
    const role = roles.find((r) => r.id === id);
    return role ? inLocale(role.name, format.locale) : '';
  };
  const needle = query.trim().toLocaleLowerCase();
  const shown = (people ?? [])
    .filter((p) => p.active && p.deletedAt === null)
    .filter(
      (p) =>
        needle === '' ||
        p.name.toLocaleLowerCase().includes(needle) ||
        p.roleIds.some((id) => roleName(id).toLocaleLowerCase().includes(needle)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, format.locale));
  return (
    <Card
      size="small"
      title={title ?? t('dragAssign.title')}
      data-testid="people-panel"
      style={{ width: 248, flex: 'none' }}
      styles={{ body: { padding: 8 } }}
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined aria-hidden />}
          aria-label={t('dragAssign.close')}
          onClick={onClose}
        />
      }
    >
      <Input.Search
        allowClear
        size="small"
        aria-label={t('dragAssign.search')}
        placeholder={t('dragAssign.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      {people === undefined ? (
        <Flex justify="center">
          <Spin />
        </Flex>
      ) : shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dragAssign.none')} />
      ) : (
        <ul
          aria-label={title ?? t('dragAssign.title')}
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            maxHeight: maxListHeight,
            overflowY: 'auto',
          }}
        >
          {shown.map((person) => (
            <li key={person.id} style={{ marginBottom: 4 }}>
              <DraggablePerson person={person} roles={roles} roleDescription={roleDescription} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const DraggablePerson = memo(function DraggablePerson({
  person,
  roles,
  roleDescription,
}: {
  readonly person: Person;
  readonly roles: readonly Role[];
  readonly roleDescription: string;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: person.id,
    data: { personId: person.id } satisfies PersonDragData,
    attributes: { roleDescription },
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      data-person-id={person.id}
      aria-label={person.name}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: 'grab', touchAction: 'none' }}
    >
      <PersonChip person={person} roles={roles} lifted={false} />
    </div>
  );
});

/** A person as the panel lists them; `lifted`: the image following the pointer in a drag. */
export function PersonChip({
  person,
  roles,
  lifted,
}: {
  readonly person: Person;
  readonly roles: readonly Role[];
  readonly lifted: boolean;
}) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  return (
    <Flex
      gap={6}
      align="flex-start"
      style={{
        padding: '4px 6px',
        borderRadius: 6,
        border: '1px solid var(--ant-color-border-secondary)',
        background: 'var(--ant-color-bg-container)',
        boxShadow: lifted ? 'var(--ant-box-shadow-secondary)' : undefined,
        width: lifted ? 232 : undefined,
      }}
    >
      <HolderOutlined
        aria-hidden
        style={{ marginTop: 4, color: 'var(--ant-color-text-tertiary)' }}
      />
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text ellipsis strong>
          {person.name}
        </Typography.Text>
        <Flex gap={2} wrap>
          {person.roleIds.map((id) => {
            const role = roles.find((r) => r.id === id);
            return role ? (
              <Tag key={id} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
                {inLocale(role.name, format.locale)}
              </Tag>
            ) : null;
          })}
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {t('dragAssign.capacity', { hours: format.number(person.weeklyCapacityHours) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
