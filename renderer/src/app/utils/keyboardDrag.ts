import { KeyboardSensor, pointerWithin, rectIntersection } from '@dnd-kit/core';
import type {
  CollisionDetection,
  KeyboardCoordinateGetter,
  SensorContext,
  UniqueIdentifier,
} from '@dnd-kit/core';

/** What `PromptKeyboardSensor` uses of dnd-kit's keyboard sensor (private in its types). */
interface KeyboardSensorInternals {
  props: { event: Event };
  listeners: { add(name: string, handler: (event: Event) => void): void };
  windowListeners: { add(name: string, handler: (event: Event) => void): void };
  handleStart(): void;
  handleKeyDown(event: Event): void;
  handleCancel(event: Event): void;
}

/**
 * dnd-kit's keyboard sensor, reading the keys pressed right after the pick-up. dnd-kit starts
 * listening a timer after the pick-up, so as not to read the picking key twice; but a browser
 * hands over queued key presses before timers, so an arrow pressed while the page was still
 * drawing the pick-up was lost. This one listens at once and skips only the picking key's own
 * event. (It replaces dnd-kit's `attach`; the unit test fails if dnd-kit renames its parts.)
 */
export class PromptKeyboardSensor extends KeyboardSensor {}
Object.defineProperty(PromptKeyboardSensor.prototype, 'attach', {
  value(this: KeyboardSensorInternals) {
    this.handleStart();
    this.windowListeners.add('resize', this.handleCancel);
    this.windowListeners.add('visibilitychange', this.handleCancel);
    const picking = this.props.event;
    this.listeners.add('keydown', (event) => {
      if (event !== picking) this.handleKeyDown(event);
    });
  },
});

/** The pointer decides where a mouse drag is; a keyboard drag has no pointer, so its item does. */
export const pointerOrItem: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The arrow keys that step to the next and the previous drop target. */
export interface StepKeys {
  readonly next: string;
  readonly previous: string;
}

/** Targets side by side (the board's columns). */
export const ACROSS: StepKeys = { next: 'ArrowRight', previous: 'ArrowLeft' };
/** Targets one under the other (the plan's task rows). */
export const DOWN: StepKeys = { next: 'ArrowDown', previous: 'ArrowUp' };

/**
 * The drop target an arrow key leads to: `keys.next` goes to the next target in `order` (on the
 * board: the next stage, then the closing stages), `keys.previous` to the one before; the ends do
 * not wrap. Other keys lead nowhere, so they keep the dragged item where it is (and let a screen
 * reader's user read on). `current` is the target the item is over, or null when it is over none:
 * then the move starts from `home` (the column a card was picked up from), or from the first
 * target when the item has no home among them.
 */
export function stepTarget(
  order: readonly string[],
  current: string | null,
  home: string | null,
  key: string,
  keys: StepKeys = ACROSS,
): string | null {
  const step = key === keys.next ? 1 : key === keys.previous ? -1 : 0;
  if (step === 0) return null;
  const from = current ?? home;
  const index = from === null ? -1 : order.indexOf(from);
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
 * The dragged item's box: where the drag has it, or, in the frames before the drag has measured
 * it, the item itself (it has not moved yet).
 */
function draggedBox(context: SensorContext): Box | null {
  return context.collisionRect ?? context.activeNode?.getBoundingClientRect() ?? null;
}

/**
 * The enabled drop targets' boxes. The drag measures its targets a render or two after it starts
 * (and measures targets that appear with it, like a card's person target, later still); an arrow
 * pressed in between would be lost, so a target not measured yet is measured here.
 */
function targetBoxes(context: SensorContext): Map<UniqueIdentifier, Box> {
  const boxes = new Map<UniqueIdentifier, Box>(context.droppableRects);
  for (const target of context.droppableContainers.getEnabled()) {
    const node = target.node.current;
    if (!boxes.has(target.id) && node) boxes.set(target.id, node.getBoundingClientRect());
  }
  return boxes;
}

/**
 * The keyboard sensor's coordinates for a set of drop targets: an arrow key jumps the picked-up
 * item straight into the next or previous target, instead of nudging it 25 px at a time across
 * columns several hundred pixels wide or rows it would have to find. `order` lists the targets'
 * ids in screen order; an item starting from one of them names it in its draggable's
 * `data.home` (a board card: its stage).
 */
export function targetCoordinates(
  order: readonly string[],
  keys: StepKeys = ACROSS,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const card = draggedBox(context);
    if (!card) return undefined;
    const home: unknown = context.active?.data.current?.home;
    const over = context.over ? String(context.over.id) : null;
    const next = stepTarget(order, over, typeof home === 'string' ? home : null, event.code, keys);
    if (next === null) return undefined;
    event.preventDefault();
    const rect = targetBoxes(context).get(next);
    return rect ? placeInside(card, rect) : undefined;
  };
}

/**
 * The drop target an arrow key leads to among targets laid out in columns (the cards of a board):
 * ↓ and ↑ step within a column (top to bottom; the ends do not wrap), → and ← go to the next or
 * previous column, to the target nearest the current one's height. With no current target any
 * arrow leads to the first target of the first column. Columns are told apart by their left edge.
 * Other keys lead nowhere.
 */
export function stepOnGrid(
  targets: ReadonlyMap<string, Box>,
  current: string | null,
  key: string,
): string | null {
  const arrows = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft'];
  if (!arrows.includes(key) || targets.size === 0) return null;
  const lefts = [...new Set([...targets.values()].map((box) => Math.round(box.left)))].sort(
    (a, b) => a - b,
  );
  const columns = lefts.map((left) =>
    [...targets]
      .filter(([, box]) => Math.round(box.left) === left)
      .sort(([, a], [, b]) => a.top - b.top),
  );
  const here = current === null ? undefined : targets.get(current);
  if (current === null || here === undefined) return columns[0]?.[0]?.[0] ?? null;
  const column = lefts.indexOf(Math.round(here.left));
  const cells = columns[column] ?? [];
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const row = cells.findIndex(([id]) => id === current);
    const next = Math.min(cells.length - 1, Math.max(0, row + (key === 'ArrowDown' ? 1 : -1)));
    return cells[next]?.[0] ?? current;
  }
  const beside = columns[column + (key === 'ArrowRight' ? 1 : -1)];
  if (!beside || beside.length === 0) return current;
  let best = beside[0];
  for (const cell of beside) {
    if (best && Math.abs(cell[1].top - here.top) < Math.abs(best[1].top - here.top)) best = cell;
  }
  return best?.[0] ?? current;
}

/**
 * The keyboard sensor's coordinates for targets laid out in columns (`stepOnGrid`), read from
 * the targets measured when the key is pressed: on a windowed board that is the cards on screen.
 * `accepts` picks the drop targets this drag may go to among all that are measured.
 */
export function gridCoordinates(accepts: (id: string) => boolean): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const card = draggedBox(context);
    if (!card) return undefined;
    const targets = new Map<string, Box>();
    for (const [id, rect] of targetBoxes(context)) {
      if (accepts(String(id))) targets.set(String(id), rect);
    }
    const over = context.over ? String(context.over.id) : null;
    const next = stepOnGrid(targets, over !== null && targets.has(over) ? over : null, event.code);
    if (next === null) return undefined;
    event.preventDefault();
    const rect = targets.get(next);
    return rect ? placeInside(card, rect) : undefined;
  };
}
