import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal, Table, Typography } from 'antd';
import { useCommands } from '@renderer/app/commands';
import { closeDialog, useDialogOpen } from '@renderer/app/dialogs';
import { Keys } from '@renderer/app/components/Keys';
import type { KeyChord } from '@renderer/app/shortcuts';
import { SHORTCUTS, detectKeyboardOs } from '@renderer/app/shortcuts';
import { NAMESPACE_NAMES } from '@renderer/i18n/resources';

interface Row {
  key: string;
  action: string;
  chord: KeyChord;
}

/**
 * Help → Keyboard shortcuts: the shortcut table itself, limited to commands that can run now,
 * with keys written the way this computer's keyboard labels them.
 */
export function ShortcutsDialog() {
  const { t } = useTranslation('help');
  const { t: translateKey } = useTranslation(NAMESPACE_NAMES);
  const open = useDialogOpen('shortcuts');
  const commands = useCommands();
  const os = useMemo(() => detectKeyboardOs(), []);

  const rows = useMemo<Row[]>(
    () =>
      SHORTCUTS.flatMap((shortcut) => {
        const command = commands.find((candidate) => candidate.id === shortcut.command);
        return command
          ? [
              {
                key: shortcut.command,
                action: translateKey(command.titleKey),
                chord: shortcut.keys,
              },
            ]
          : [];
      }),
    [commands, translateKey],
  );

  const paletteRows: Row[] = [
    { key: 'up', action: `${t('shortcuts.move')} ↑`, chord: { key: 'arrowup' } },
    { key: 'down', action: `${t('shortcuts.move')} ↓`, chord: { key: 'arrowdown' } },
    { key: 'enter', action: t('shortcuts.run'), chord: { key: 'enter' } },
    { key: 'escape', action: t('shortcuts.close'), chord: { key: 'escape' } },
  ];

  const columns = [
    { title: t('shortcuts.action'), dataIndex: 'action', key: 'action' },
    {
      title: t('shortcuts.keys'),
      key: 'keys',
      width: 180,
      render: (_: unknown, row: Row) => <Keys chord={row.chord} os={os} />,
    },
  ];

  return (
    <Modal
      open={open}
      title={t('shortcuts.title')}
      onCancel={() => closeDialog('shortcuts')}
      footer={null}
      width={560}
      destroyOnHidden
    >
      <Table<Row> size="small" pagination={false} columns={columns} dataSource={rows} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('shortcuts.paletteKeys')}
      </Typography.Title>
      <Table<Row>
        size="small"
        pagination={false}
        showHeader={false}
        columns={columns}
        dataSource={paletteRows}
      />
    </Modal>
  );
}
