import type { KeyboardCoordinateGetter, SensorContext } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import {
  DOWN,
  gridCoordinates,
  placeInside,
  stepOnGrid,
  stepTarget,
  targetCoordinates,
} from '@renderer/app/utils/keyboardDrag';

const ORDER = ['identify', 'qualify', 'capture', 'won', 'lost'];

describe('stepTarget', () => {
  it('goes to the next target with → and the previous one with ←', () => {
    expect(stepTarget(ORDER, 'qualify', 'identify', 'ArrowRight')).toBe('capture');
    expect(stepTarget(ORDER, 'capture', 'identify', 'ArrowLeft')).toBe('qualify');
    // From the last open stage on to the closing stages.
    expect(stepTarget(ORDER, 'capture', 'identify', 'ArrowRight')).toBe('won');
  });

  it('stops at either end instead of wrapping around', () => {
    expect(stepTarget(ORDER, 'lost', 'identify', 'ArrowRight')).toBe('lost');
    expect(stepTarget(ORDER, 'identify', 'identify', 'ArrowLeft')).toBe('identify');
  });

  it('starts from the home column when the card is over no target', () => {
    expect(stepTarget(ORDER, null, 'qualify', 'ArrowRight')).toBe('capture');
    expect(stepTarget(ORDER, 'gone', 'qualify', 'ArrowRight')).toBe('identify');
  });

  it('steps through rows with ↓ and ↑, from the first row when the item has no home', () => {
    expect(stepTarget(ORDER, null, null, 'ArrowDown', DOWN)).toBe('identify');
    expect(stepTarget(ORDER, 'identify', null, 'ArrowDown', DOWN)).toBe('qualify');
    expect(stepTarget(ORDER, 'qualify', null, 'ArrowUp', DOWN)).toBe('identify');
    expect(stepTarget(ORDER, 'qualify', null, 'ArrowRight', DOWN)).toBeNull();
  });

  it('ignores other keys', () => {
    expect(stepTarget(ORDER, 'qualify', 'qualify', 'ArrowDown')).toBeNull();
    expect(stepTarget(ORDER, 'qualify', 'qualify', 'KeyA')).toBeNull();
    expect(stepTarget([], null, 'qualify', 'ArrowRight')).toBeNull();
  });
});

describe('placeInside', () => {
  const card = { left: 10, top: 300, width: 160, height: 130 };

  it('centres the card across a column and keeps its height when it fits', () => {
    expect(placeInside(card, { left: 200, top: 100, width: 180, height: 700 })).toEqual({
      x: 210,
      y: 300,
    });
  });

  it('moves the card only as far as needed to stay inside the target', () => {
    const target = { left: 400, top: 100, width: 160, height: 250 };
    expect(placeInside(card, target)).toEqual({ x: 400, y: 220 });
    expect(placeInside({ ...card, top: 20 }, target)).toEqual({ x: 400, y: 100 });
  });

  it('centres the card on a target shorter than the card', () => {
    expect(placeInside(card, { left: 0, top: 500, width: 100, height: 90 })).toEqual({
      x: -30,
      y: 480,
    });
  });
});

describe('stepOnGrid', () => {
  const box = (left: number, top: number) => ({ left, top, width: 100, height: 50 });
  // Two columns: a1 a2 a3 at x 0, b1 b2 at x 120 (b2 level with a3).
  const grid = new Map([
    ['a2', box(0, 60)],
    ['b1', box(120.4, 0)],
    ['a1', box(0, 0)],
    ['b2', box(120, 120)],
    ['a3', box(0, 120)],
  ]);

  it('starts from the first target of the first column on any arrow', () => {
    expect(stepOnGrid(grid, null, 'ArrowLeft')).toBe('a1');
    expect(stepOnGrid(grid, 'gone', 'ArrowDown')).toBe('a1');
  });

  it('steps within a column without wrapping', () => {
    expect(stepOnGrid(grid, 'a1', 'ArrowDown')).toBe('a2');
    expect(stepOnGrid(grid, 'a3', 'ArrowDown')).toBe('a3');
    expect(stepOnGrid(grid, 'a1', 'ArrowUp')).toBe('a1');
  });

  it('crosses columns to the nearest height, staying at the edges', () => {
    expect(stepOnGrid(grid, 'a3', 'ArrowRight')).toBe('b2');
    expect(stepOnGrid(grid, 'a1', 'ArrowRight')).toBe('b1');
    expect(stepOnGrid(grid, 'b2', 'ArrowLeft')).toBe('a3');
    expect(stepOnGrid(grid, 'b1', 'ArrowRight')).toBe('b1');
  });

  it('ignores other keys and an empty board', () => {
    expect(stepOnGrid(grid, 'a1', 'Space')).toBeNull();
    expect(stepOnGrid(new Map(), null, 'ArrowDown')).toBeNull();
  });
});

describe('an arrow pressed before the drag has measured anything', () => {
  const rect = (left: number, top: number, width: number, height: number) => ({
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
  });
  const node = (box: ReturnType<typeof rect>) => ({ getBoundingClientRect: () => box });
  /** Right after a pick-up: no collision rect, no target rects, only the nodes on the page. */
  const freshDrag = (targets: Record<string, ReturnType<typeof rect>>) =>
    ({
      activeNode: node(rect(10, 100, 200, 40)),
      collisionRect: null,
      droppableRects: new Map(),
      droppableContainers: {
        getEnabled: () =>
          Object.entries(targets).map(([id, box]) => ({ id, node: { current: node(box) } })),
      },
      active: { id: 'dragged', data: { current: {} } },
      over: null,
    }) as unknown as SensorContext;
  const press = (getter: KeyboardCoordinateGetter, context: SensorContext, code: string) => {
    let prevented = false;
    const event = { code, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent;
    const to = getter(event, { active: 'dragged', context, currentCoordinates: { x: 0, y: 0 } });
    return { to, prevented };
  };

  it('still steps to the first row, measuring the targets itself', () => {
    const context = freshDrag({ a: rect(300, 200, 400, 30), b: rect(300, 230, 400, 30) });
    const { to, prevented } = press(targetCoordinates(['a', 'b'], DOWN), context, 'ArrowDown');
    expect(prevented).toBe(true);
    expect(to).toEqual({ x: 400, y: 195 });
  });

  it('still steps onto the first card of a grid, measuring the cards itself', () => {
    const context = freshDrag({
      'person:d1': rect(500, 300, 240, 120),
      'person:d2': rect(500, 430, 240, 120),
      stage: rect(490, 0, 260, 900),
    });
    const getter = gridCoordinates((id) => id.startsWith('person:'));
    const { to, prevented } = press(getter, context, 'ArrowDown');
    expect(prevented).toBe(true);
    expect(to).toEqual({ x: 520, y: 300 });
  });
});
