import { memo } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { DealId } from '@shared/domain/ids';
import type { PortfolioRow } from '@shared/portfolio/rows';
import { useFormat } from '@renderer/i18n/useFormat';
import { useAppToken } from '@renderer/app/token';
import { HealthBadge } from '@renderer/features/health/components/HealthBadge';

/** Every card has the same height, so a column can be windowed without measuring its cards. */
export const CARD_HEIGHT = 138;

/** The fields a card shows: a card re-renders only when one of them changes. */
export type CardFields = Pick<
  PortfolioRow,
  | 'id'
  | 'code'
  | 'name'
  | 'accountName'
  | 'ownerName'
  | 'value'
  | 'pwin'
  | 'submissionDue'
  | 'health'
>;

const line: CSSProperties = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

interface DealCardBodyProps {
  card: CardFields;
  /** Raised above the board: the image that follows the pointer while a card is dragged. */
  lifted?: boolean;
}

function DealCardBodyView({ card, lifted = false }: DealCardBodyProps) {
  const { t } = useTranslation('pipeline');
  const token = useAppToken();
  const f = useFormat();
  const small: CSSProperties = { ...line, fontSize: 12, color: token.colorTextSecondary };
  return (
    <div
      style={{
        height: CARD_HEIGHT,
        boxSizing: 'border-box',
        padding: '8px 10px',
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        boxShadow: lifted ? token.boxShadowSecondary : token.boxShadowTertiary,
        color: token.colorText,
        lineHeight: '18px',
      }}
    >
      <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        <span style={{ ...small, flex: 1, fontVariantNumeric: 'tabular-nums' }}>{card.code}</span>
        {card.health && <HealthBadge health={card.health} showLabel={false} />}
      </div>
      <div title={card.name} style={{ ...line, fontWeight: 600 }}>
        {card.name}
      </div>
      <div title={card.accountName} style={small}>
        {card.accountName}
      </div>
      <div title={card.ownerName} style={small}>
        {card.ownerName}
      </div>
      <div style={small}>
        {card.submissionDue ? t('card.due', { date: f.date(card.submissionDue) }) : t('card.noDue')}
      </div>
      <div style={{ display: 'flex', gap: 6, alignItems: 'baseline', marginTop: 'auto' }}>
        <span style={{ ...line, flex: 1, fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}>
          {f.money(card.value.amountMinor, card.value.currency, { compact: true })}
        </span>
        <span style={{ fontSize: 12, flexShrink: 0, color: token.colorTextSecondary }}>
          {t('card.pwin')}{' '}
          <strong style={{ color: token.colorPrimary }}>{f.percent(card.pwin / 100)}</strong>
        </span>
      </div>
    </div>
  );
}

function sameFields(x: CardFields, y: CardFields): boolean {
  return (
    x.id === y.id &&
    x.code === y.code &&
    x.name === y.name &&
    x.accountName === y.accountName &&
    x.ownerName === y.ownerName &&
    x.value.amountMinor === y.value.amountMinor &&
    x.value.currency === y.value.currency &&
    x.pwin === y.pwin &&
    x.submissionDue === y.submissionDue &&
    x.health === y.health
  );
}

/**
 * What a card shows, memoised on those fields: every card re-renders when a drag starts or ends
 * (the drag context changes), but its content only when the deal does.
 */
export const DealCardBody = memo(
  DealCardBodyView,
  (a, b) => a.lifted === b.lifted && sameFields(a.card, b.card),
);

/** What the board keeps on each draggable card, for the keyboard sensor. */
export interface CardDragData {
  /** The column the card is in when picked up (where arrow keys start from). */
  readonly home: string;
}

/** Drop targets for a person dragged onto a deal: one per mounted card, while a person is dragged. */
export const PERSON_TARGET_PREFIX = 'assign-to:';

/** The deal a person drop target stands for, or null for any other drop target. */
export function dealOfPersonTarget(id: string | number): DealId | null {
  const text = String(id);
  return text.startsWith(PERSON_TARGET_PREFIX)
    ? (text.slice(PERSON_TARGET_PREFIX.length) as DealId)
    : null;
}

/**
 * The card as a drop target for a person: laid over the card, mounted only while a person is being
 * dragged, so the board's own card drags measure and test no extra targets.
 */
function PersonDropZone({ dealId }: { dealId: DealId }) {
  const token = useAppToken();
  const { setNodeRef, isOver } = useDroppable({ id: `${PERSON_TARGET_PREFIX}${dealId}` });
  return (
    <div
      ref={setNodeRef}
      aria-hidden
      data-person-target
      data-person-over={isOver || undefined}
      style={{
        position: 'absolute',
        inset: 0,
        pointerEvents: 'none',
        borderRadius: token.borderRadius,
        border: `2px dashed ${isOver ? token.colorPrimary : token.colorPrimaryBorder}`,
        background: isOver ? token.colorPrimaryBg : 'transparent',
        opacity: isOver ? 0.85 : 1,
      }}
    />
  );
}

interface DealCardProps {
  card: CardFields & { readonly stageId: string };
  /** Shown where the user dropped it while the move is being written. */
  pending: boolean;
  /** What screen readers call a card ("draggable deal card"), looked up once per column. */
  roleDescription: string;
  onOpen: (id: DealId) => void;
  /** A person is being dragged: the card accepts them (to assign them to the deal's work). */
  personTarget?: boolean;
}

/**
 * A deal on the board: drag it (pointer or keyboard) to another stage; click it, or press Enter,
 * to open the deal. Space picks it up for a keyboard move (see the board's instructions).
 */
function DealCardView({
  card,
  pending,
  roleDescription,
  onOpen,
  personTarget = false,
}: DealCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { home: card.stageId } satisfies CardDragData,
    attributes: { roleDescription },
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.key === 'Enter' && !event.defaultPrevented && !isDragging) onOpen(card.id);
  };
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(card.id)}
      aria-label={`${card.code} ${card.name}`}
      data-deal-id={card.id}
      data-pending={pending || undefined}
      style={{
        cursor: isDragging ? 'grabbing' : 'pointer',
        opacity: isDragging ? 0.35 : pending ? 0.8 : 1,
        borderRadius: 6,
        touchAction: 'manipulation',
        position: 'relative',
      }}
    >
      <DealCardBody card={card} />
      {personTarget && <PersonDropZone dealId={card.id} />}
    </div>
  );
}

function sameCard(a: DealCardProps, b: DealCardProps): boolean {
  return (
    a.pending === b.pending &&
    a.personTarget === b.personTarget &&
    a.roleDescription === b.roleDescription &&
    a.onOpen === b.onOpen &&
    a.card.stageId === b.card.stageId &&
    sameFields(a.card, b.card)
  );
}

/** Memoised on the fields it shows: a live-query refresh rebuilds every row, not every card. */
export const DealCard = memo(DealCardView, sameCard);
