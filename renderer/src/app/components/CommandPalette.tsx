import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InputRef } from 'antd';
import { Empty, Input, Modal, Typography, theme } from 'antd';
import { ArrowRightOutlined, SearchOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { AREAS } from '@renderer/app/areas';
import { runCommand, useCommands } from '@renderer/app/commands';
import { closeDialog, useDialogOpen } from '@renderer/app/dialogs';
import { detectKeyboardOs, shortcutFor } from '@renderer/app/shortcuts';
import type { KeyChord } from '@renderer/app/shortcuts';
import { filterEntries } from '@renderer/app/utils/paletteMatch';
import { NAMESPACE_NAMES } from '@renderer/i18n/resources';
import { KeyCaps, Keys } from '@renderer/app/components/Keys';

interface PaletteEntry {
  key: string;
  title: string;
  altTitle?: string;
  icon: ReactNode;
  chord?: KeyChord;
  run(): void;
}

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/**
 * Ctrl/Cmd+K: jump to any area or run any available command by typing part of its name, in the
 * UI language or in English. Keyboard first: ↑/↓ move, Enter runs, Esc closes.
 */
export function CommandPalette() {
  const open = useDialogOpen('palette');
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const { t, i18n } = useTranslation(NAMESPACE_NAMES);
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const listId = useId();
  const os = useMemo(() => detectKeyboardOs(), []);

  const entries = useMemo<PaletteEntry[]>(() => {
    const english = i18n.getFixedT('en', NAMESPACE_NAMES);
    const inEnglish = i18n.language !== 'en';
    const areaEntries = AREAS.map((area) => ({
      key: `area:${area.id}`,
      title: t('palette.goTo', { area: t(area.titleKey) }),
      altTitle: inEnglish ? english('palette.goTo', { area: english(area.titleKey) }) : undefined,
      icon: <ArrowRightOutlined />,
      run: () => void navigate(area.path),
    }));
    const commandEntries = commands
      .filter((command) => !command.hiddenInPalette)
      .map((command) => ({
        key: `command:${command.id}`,
        title: t(command.titleKey),
        altTitle: inEnglish ? english(command.titleKey) : undefined,
        icon: <ThunderboltOutlined />,
        chord: shortcutFor(command.id)?.keys,
        run: () => void runCommand(command.id),
      }));
    return [...areaEntries, ...commandEntries];
  }, [commands, i18n, navigate, t]);

  const matches = useMemo(() => filterEntries(entries, query), [entries, query]);
  const selected = Math.min(active, Math.max(matches.length - 1, 0));

  useEffect(() => {
    // Give focus back to where it was (unless a command moved it on purpose) when closing.
    const previous = document.activeElement;
    return () => {
      const focus = document.activeElement;
      const lost = focus === null || focus === document.body;
      if (lost && previous instanceof HTMLElement && previous.isConnected) {
        previous.focus({ preventScroll: true });
      }
    };
  }, []);

  /** Close first, then run, so a command that opens another dialog is not covered by this one. */
  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    closeDialog('palette');
    entry.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((selected + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      choose(matches[selected]);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <Modal
      // Mounted only while open; closing unmounts it at once, as launchers do.
      open
      title={<span style={visuallyHidden}>{t('palette.title')}</span>}
      onCancel={() => closeDialog('palette')}
      afterOpenChange={(visible) => {
        if (visible) input.current?.focus();
      }}
      footer={null}
      closable={false}
      width={600}
      style={{ top: 96 }}
      styles={{
        header: { margin: 0, padding: 0, minHeight: 0 },
        container: { padding: 0, overflow: 'hidden' },
      }}
    >
      <Input
        ref={input}
        autoFocus
        size="large"
        variant="borderless"
        prefix={<SearchOutlined style={{ color: token.colorTextTertiary }} />}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-label={t('palette.title')}
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? optionId(selected) : undefined}
        style={{ padding: '14px 16px', borderBottom: `1px solid ${token.colorSplit}` }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('palette.listLabel')}
        style={{ listStyle: 'none', margin: 0, padding: 6, maxHeight: 360, overflowY: 'auto' }}
      >
        {matches.map((entry, index) => (
          <li
            key={entry.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === selected}
            ref={(node) => {
              if (node && index === selected) node.scrollIntoView({ block: 'nearest' });
            }}
            onMouseMove={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entry)}
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 10,
              padding: '8px 12px',
              borderRadius: token.borderRadius,
              cursor: 'pointer',
              background: index === selected ? token.controlItemBgActive : undefined,
              color: token.colorText,
            }}
          >
            <span aria-hidden style={{ color: token.colorTextTertiary }}>
              {entry.icon}
            </span>
            <span style={{ flex: 1 }}>{entry.title}</span>
            {entry.altTitle && entry.altTitle !== entry.title && (
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                {entry.altTitle}
              </Typography.Text>
            )}
            {entry.chord && <Keys chord={entry.chord} os={os} />}
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('palette.empty')}
          style={{ margin: '8px 0 24px' }}
        />
      )}
      <div
        style={{
          display: 'flex',
          gap: 16,
          padding: '8px 16px',
          borderTop: `1px solid ${token.colorSplit}`,
          color: token.colorTextTertiary,
          fontSize: token.fontSizeSM,
        }}
      >
        <span>
          <KeyCaps parts={['↑', '↓']} /> {t('palette.hintMove')}
        </span>
        <span>
          <KeyCaps parts={['Enter']} /> {t('palette.hintRun')}
        </span>
        <span>
          <KeyCaps parts={['Esc']} /> {t('palette.hintClose')}
        </span>
      </div>
    </Modal>
  );
}
