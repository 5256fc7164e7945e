import { join } from 'node:path';
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** A display as far as placement cares: the part of the screen not covered by task bars. */
export interface DisplayArea {
  readonly workArea: Rect;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** How much of a saved window must still be on some display for its position to be kept. */
export const MIN_VISIBLE = { width: 160, height: 80 } as const;

const rectSchema = z.strictObject({
  x: z.int(),
  y: z.int(),
  width: z.int().min(1).max(100_000),
  height: z.int().min(1).max(100_000),
});

const windowStateSchema = z.strictObject({ bounds: rectSchema, maximized: z.boolean() });

/** The saved state, or null when the file is missing, unreadable or from an incompatible shape. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function intersectionArea(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function centeredOn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: area.x + Math.round((area.width - w) / 2),
    y: area.y + Math.round((area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Where to open the main window. A remembered position is kept when enough of it is still on a
 * connected display (a monitor may have been unplugged or rearranged since), then the window is
 * shrunk to fit that display and pulled fully inside its work area; otherwise the window opens
 * centred on the primary display. The maximised flag is kept either way.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): WindowState {
  if (saved === null) {
    return {
      bounds: centeredOn(primary.workArea, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height),
      maximized: false,
    };
  }
  let best: { display: DisplayArea; visible: number } | null = null;
  for (const display of displays) {
    const overlap = intersectionArea(saved.bounds, display.workArea);
    if (overlap.width < MIN_VISIBLE.width || overlap.height < MIN_VISIBLE.height) continue;
    const visible = overlap.width * overlap.height;
    if (best === null || visible > best.visible) best = { display, visible };
  }
  if (best === null) {
    return {
      bounds: centeredOn(primary.workArea, saved.bounds.width, saved.bounds.height),
      maximized: saved.maximized,
    };
  }
  const area = best.display.workArea;
  const width = Math.min(saved.bounds.width, area.width);
  const height = Math.min(saved.bounds.height, area.height);
  return {
    bounds: {
      x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
      y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

/** The synchronous file operations the store needs (Node's `fs` satisfies this). */
export interface WindowStateFiles {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, options: { encoding: 'utf8'; flag: 'w' }): void;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

export interface WindowStateStore {
  load(): WindowState | null;
  save(state: WindowState): void;
}

/**
 * Remembers the window's normal (un-maximised) bounds and maximised flag in a small JSON file.
 * Written through a temporary file and a rename so a crash mid-write leaves the previous state.
 */
export function createWindowStateStore(
  directory: string,
  files: WindowStateFiles,
): WindowStateStore {
  const file = join(directory, 'window-state.json');
  return {
    load() {
      try {
        return parseWindowState(files.readFileSync(file, 'utf8'));
      } catch {
        return null;
      }
    },
    save(state) {
      try {
        files.mkdirSync(directory, { recursive: true });
        const temp = `${file}.tmp`;
        files.writeFileSync(temp, JSON.stringify(state), { encoding: 'utf8', flag: 'w' });
        files.renameSync(temp, file);
      } catch {
        // Losing the window position is not worth interrupting the user's quit.
      }
    },
  };
}
