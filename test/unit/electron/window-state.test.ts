import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  createWindowStateStore,
  DEFAULT_WINDOW_SIZE,
  parseWindowState,
  placeWindow,
  type DisplayArea,
} from '../../../electron/main/window-state';
/* eslint-enable no-restricted-imports */

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1440, height: 870 } };
const external: DisplayArea = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };

describe('window placement', () => {
  it('opens a first window centred on the primary display at the default size', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({
      bounds: {
        x: (1440 - DEFAULT_WINDOW_SIZE.width) / 2,
        y: (870 - DEFAULT_WINDOW_SIZE.height) / 2,
        ...DEFAULT_WINDOW_SIZE,
      },
      maximized: false,
    });
  });

  it('keeps a remembered position that is fully visible', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop, external], laptop)).toEqual(saved);
  });

  it('brings a window back from a display that was unplugged', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1200, height: 800 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 120, y: 35, width: 1200, height: 800 });
  });

  it('pulls a window hanging off the edge fully onto its display', () => {
    const saved = { bounds: { x: 1000, y: 600, width: 1000, height: 700 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 440, y: 170, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display it is on', () => {
    const saved = { bounds: { x: 0, y: 0, width: 2500, height: 1600 }, maximized: false };
    expect(placeWindow(saved, [laptop], laptop).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
    });
  });

  it('does not trust a sliver: a window barely on screen is re-centred', () => {
    const saved = { bounds: { x: 1400, y: 800, width: 1000, height: 700 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 220, y: 85, width: 1000, height: 700 });
  });

  it('keeps the window on the display that shows most of it', () => {
    const saved = { bounds: { x: 1300, y: 100, width: 1200, height: 700 }, maximized: false };
    const placed = placeWindow(saved, [laptop, external], laptop);
    expect(placed.bounds.x).toBeGreaterThanOrEqual(1440);
  });
});

describe('window state file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pursuit-window-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('remembers the bounds and maximised flag across runs', () => {
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 820 }, maximized: true };
    createWindowStateStore(folder, fs).save(state);
    expect(createWindowStateStore(folder, fs).load()).toEqual(state);
    expect(readdirSync(folder)).toEqual(['window-state.json']);
  });

  it('starts fresh from a missing, corrupt or foreign file', () => {
    expect(createWindowStateStore(folder, fs).load()).toBeNull();
    writeFileSync(join(folder, 'window-state.json'), '{not json');
    expect(createWindowStateStore(folder, fs).load()).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"0"},"maximized":false}')).toBeNull();
    expect(
      parseWindowState('{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}'),
    ).toBeNull();
  });
});
