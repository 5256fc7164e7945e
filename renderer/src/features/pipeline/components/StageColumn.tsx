import { memo, useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { useDroppable } from '@dnd-kit/core';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import type { DealId } from '@shared/domain/ids';
import type { BoardColumn } from '@shared/pipeline/board';
import { inLocale } from '@shared/pipeline/labels';
import { useFormat } from '@renderer/i18n/useFormat';
import { CARD_HEIGHT, DealCard } from '@renderer/features/pipeline/components/DealCard';
import { useAppToken } from '@renderer/app/token';

const CARD_GAP = 8;
/** Height of one line of the column's totals: one line per currency, plus the labels. */
export const TOTALS_LINE_HEIGHT = 18;

interface StageColumnProps {
  column: BoardColumn;
  pending: ReadonlySet<DealId>;
  /** The card being dragged, kept mounted while its column scrolls so the drag is not lost. */
  activeId: DealId | null;
  /** Currencies in the busiest column's totals: every header reserves as many lines. */
  totalsLines: number;
  onOpen: (id: DealId) => void;
  /**
   * A person is being dragged: the cards, not the column, are the drop targets (see
   * `PersonDropZone`), so a card drag never pays for them.
   */
  personDrag?: boolean;
}

interface ColumnHeaderProps {
  name: string;
  headingId: string;
  count: number;
  totals: BoardColumn['totals'];
  totalsLines: number;
}

/**
 * The column's name, count and totals. Memoised apart from the column: the column re-renders at
 * every step of a drag (it is a drop target), its header only when the figures change.
 */
const ColumnHeader = memo(function ColumnHeader({
  name,
  headingId,
  count,
  totals,
  totalsLines,
}: ColumnHeaderProps) {
  const { t } = useTranslation('pipeline');
  const token = useAppToken();
  const f = useFormat();
  return (
    <header style={{ padding: '10px 10px 8px' }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
        <h2
          id={headingId}
          title={name}
          style={{
            fontSize: 14,
            fontWeight: 600,
            lineHeight: '22px',
            margin: 0,
            flex: 1,
            minWidth: 0,
            color: token.colorTextHeading,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {name}
        </h2>
        <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
          {t('column.count', { count })}
        </Typography.Text>
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          columnGap: 8,
          marginTop: 6,
          minHeight: (totalsLines + 1) * TOTALS_LINE_HEIGHT,
          gridAutoRows: TOTALS_LINE_HEIGHT,
          fontSize: 12,
          lineHeight: `${TOTALS_LINE_HEIGHT}px`,
          fontVariantNumeric: 'tabular-nums',
          alignContent: 'start',
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('column.value')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'end' }}>
          {t('column.weighted')}
        </Typography.Text>
        {totals.map((total) => (
          <div key={total.currency} style={{ display: 'contents' }}>
            <span style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {f.money(total.value, total.currency, { compact: true })}
            </span>
            <span
              style={{
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                textAlign: 'end',
              }}
            >
              {f.money(total.weighted, total.currency, { compact: true })}
            </span>
          </div>
        ))}
      </div>
    </header>
  );
});

/**
 * One open stage: a drop target with its name, deal count, value and weighted value (per
 * currency, never converted), and its cards, windowed so that only those in view are mounted.
 */
function StageColumnView({
  column,
  pending,
  activeId,
  totalsLines,
  onOpen,
  personDrag = false,
}: StageColumnProps) {
  const { t } = useTranslation('pipeline');
  const token = useAppToken();
  const f = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id, disabled: personDrag });
  const listRef = useRef<HTMLDivElement>(null);
  const name = inLocale(column.stage.name, f.locale);
  const headingId = `board-column-${column.stage.id}`;
  const roleDescription = t('card.roleDescription');

  const activeIndex = activeId ? column.cards.findIndex((card) => card.id === activeId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // The app is not compiled with the React Compiler; the virtualizer re-renders the column itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    getItemKey: (index) => column.cards[index]?.id ?? index,
    overscan: 2,
    // The first frame already shows cards, before the list has been measured.
    initialRect: { width: 0, height: window.innerHeight },
    rangeExtractor,
  });

  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage-id={column.stage.id}
      data-drop-over={isOver || undefined}
      style={{
        flex: '1 1 0',
        minWidth: 150,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        background: isOver ? token.colorPrimaryBg : token.colorFillQuaternary,
        border: `1px solid ${isOver ? token.colorPrimaryBorder : 'transparent'}`,
        borderRadius: token.borderRadiusLG,
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <ColumnHeader
        name={name}
        headingId={headingId}
        count={column.cards.length}
        totals={column.totals}
        totalsLines={totalsLines}
      />
      <div
        ref={listRef}
        role="list"
        aria-labelledby={headingId}
        style={{ flex: 1, minHeight: 0, overflowY: 'auto', padding: '0 8px 8px' }}
      >
        {column.cards.length === 0 ? (
          <Typography.Text type="secondary" style={{ display: 'block', padding: 8, fontSize: 12 }}>
            {t('column.empty')}
          </Typography.Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = column.cards[item.index];
              if (!card) return null;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <DealCard
                    card={card}
                    pending={pending.has(card.id)}
                    roleDescription={roleDescription}
                    onOpen={onOpen}
                    personTarget={personDrag}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}

export const StageColumn = memo(StageColumnView);
