// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { KeyboardCoordinateGetter, SensorDescriptor, SensorOptions } from '@dnd-kit/core';
import { DndContext, KeyboardSensor, useDraggable, useSensor, useSensors } from '@dnd-kit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PromptKeyboardSensor } from '@renderer/app/utils/keyboardDrag';

afterEach(cleanup);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function Item() {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: 'item' });
  return (
    <button ref={setNodeRef} {...attributes} {...listeners}>
      item
    </button>
  );
}

function Board({
  sensor,
  keys,
  onEnd,
}: {
  sensor: typeof KeyboardSensor;
  keys: KeyboardCoordinateGetter;
  onEnd: () => void;
}) {
  const sensors: SensorDescriptor<SensorOptions>[] = useSensors(
    useSensor(sensor, {
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Enter'] },
      coordinateGetter: keys,
    }),
  );
  return (
    <DndContext sensors={sensors} onDragEnd={onEnd}>
      <Item />
    </DndContext>
  );
}

/** Picks the item up with Space and presses ↓ before any timer has run. */
function pickUpAndPressDown(sensor: typeof KeyboardSensor) {
  const keys = vi.fn<KeyboardCoordinateGetter>(() => ({ x: 0, y: 40 }));
  const onEnd = vi.fn();
  render(<Board sensor={sensor} keys={keys} onEnd={onEnd} />);
  const item = screen.getByRole('button', { name: 'item' });
  act(() => {
    fireEvent.keyDown(item, { code: 'Space', key: ' ' });
  });
  act(() => {
    fireEvent.keyDown(item, { code: 'ArrowDown', key: 'ArrowDown' });
  });
  return { keys, onEnd, item };
}

describe('PromptKeyboardSensor', () => {
  it('reads an arrow pressed right after the pick-up', () => {
    const { keys, onEnd } = pickUpAndPressDown(PromptKeyboardSensor);
    expect(keys).toHaveBeenCalledTimes(1);
    expect(keys.mock.calls[0]?.[0].code).toBe('ArrowDown');
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('does not read the picking key as a second press, and drops on Enter', () => {
    const { keys, onEnd, item } = pickUpAndPressDown(PromptKeyboardSensor);
    expect(keys.mock.calls.map(([event]) => event.code)).toEqual(['ArrowDown']);
    act(() => {
      fireEvent.keyDown(item, { code: 'Enter', key: 'Enter' });
    });
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('is needed: dnd-kit’s own sensor loses that arrow', () => {
    const { keys } = pickUpAndPressDown(KeyboardSensor);
    expect(keys).not.toHaveBeenCalled();
  });
});
