import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The drop target an arrow key leads to: right goes to the next target in board order (the next
 * stage, then the closing stages), left to the previous one; the ends do not wrap. Up and down
 * lead nowhere, so they keep the card where it is (and let a screen reader's user read on).
 * `current` is the target the card is over, or null when it is over none: then the move starts
 * from `home`, the column the card was picked up from.
 */
export function stepTarget(
  order: readonly string[],
  current: string | null,
  home: string,
  key: string,
): string | null {
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return null;
  const index = order.indexOf(current ?? home);
  if (index === -1) return order[0] ?? null;
  return order[Math.min(order.length - 1, Math.max(0, index + step))] ?? null;
}

/**
 * Where to put a dragged card of size `card` so that it sits in `target`: centred across it, and
 * at the height it already has, moved only as far as needed to stay inside (centred when the
 * target is shorter than the card). Collision detection then finds the card over `target`.
 */
export function placeInside(card: Box, target: Box): { readonly x: number; readonly y: number } {
  const x = target.left + (target.width - card.width) / 2;
  const y =
    target.height <= card.height
      ? target.top + (target.height - card.height) / 2
      : Math.min(Math.max(card.top, target.top), target.top + target.height - card.height);
  return { x, y };
}

/**
 * The keyboard sensor's coordinates for the board: an arrow key jumps a picked-up card straight
 * into the next or previous drop target, instead of nudging it 25 px at a time across columns
 * several hundred pixels wide. `order` lists the drop targets' ids in board order; the column a
 * card starts from is its draggable's `data.stageId`.
 */
export function boardCoordinates(order: readonly string[]): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const card = context.collisionRect;
    const home: unknown = context.active?.data.current?.stageId;
    if (!card || typeof home !== 'string') return undefined;
    const over = context.over ? String(context.over.id) : null;
    const next = stepTarget(order, over, home, event.code);
    if (next === null) return undefined;
    event.preventDefault();
    const rect = context.droppableRects.get(next);
    return rect ? placeInside(card, rect) : undefined;
  };
}
