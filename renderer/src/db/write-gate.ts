/**
 * Lets background reads step aside for the user's writes.
 *
 * Chromium runs every IndexedDB request of an origin on one backend sequence, whatever its
 * stores: while the health worker reads a table whole in chunks (`db/mirror.ts`), each request of
 * a user's write (read the deal, put it, add the trail entry, commit) queues behind the chunk in
 * flight. Measured on the large portfolio, a board drop made during that read waited 40–140 ms
 * longer, even when no store was shared. So a write announces itself here, to this context and,
 * over a BroadcastChannel, to the app's other contexts (its workers, other windows), and a whole
 * read waits before its next chunk until no write is in progress: the write then waits for one
 * chunk at most.
 *
 * Reads also wait `AFTER_MS` past a write's end: the views then read back what it changed and
 * draw it, and those reads queue behind chunks as the write did. A write whose end is never heard
 * of (its window closed mid-write) holds nobody back for longer than `STALE_MS`.
 */

const CHANNEL = 'pursuit:writes';
/** Longest a write is waited for: past this it is taken to have ended unheard. */
export const STALE_MS = 2_000;
/** How long after a write's end reads still wait: its read-back and redraw go first. */
export const AFTER_MS = 150;

type Message = { readonly id: string; readonly writing: boolean };

/** Writes in progress, by id, with the time each was heard of. */
const writing = new Map<string, number>();
/** When the last write heard of ended. */
let lastEnded = Number.NEGATIVE_INFINITY;
let waiters: (() => void)[] = [];
let channel: BroadcastChannel | null | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Lets the waiters go once no write is in progress; until then, looks again when one goes stale. */
function settle(): void {
  if (waiters.length === 0) return;
  const wait = busyFor();
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (wait > 0) {
    timer = setTimeout(settle, wait + 1);
    // In Node (unit tests), a pending timer would keep the process alive.
    (timer as { unref?: () => void }).unref?.();
    return;
  }
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}

/**
 * How long until every write in progress has ended or gone stale, and `AFTER_MS` has passed since
 * the last one ended; 0 when that is now.
 */
function busyFor(): number {
  const now = Date.now();
  let longest = Math.max(0, lastEnded + AFTER_MS - now);
  for (const [id, since] of writing) {
    const left = since + STALE_MS - now;
    if (left <= 0) writing.delete(id);
    else longest = Math.max(longest, left);
  }
  return longest;
}

function note({ id, writing: started }: Message): void {
  if (started) writing.set(id, Date.now());
  else if (writing.delete(id)) lastEnded = Date.now();
  settle();
}

/** The channel, opened on first use; null where the platform has none (then this context only). */
function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => note(event.data);
    // In Node (unit tests), an open channel would keep the process alive.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  }
  return channel;
}

let counter = 0;

/** Marks a write as started, here and in the app's other contexts; call the result when it ends. */
export function announceWrite(): () => void {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${counter++}`;
  const out = open();
  note({ id, writing: true });
  out?.postMessage({ id, writing: true } satisfies Message);
  return () => {
    note({ id, writing: false });
    out?.postMessage({ id, writing: false } satisfies Message);
  };
}

/**
 * Resolves once no write is in progress in any of the app's contexts (at once when none is).
 * Background reads await it between their chunks.
 */
export function writesSettled(): Promise<void> {
  open();
  if (busyFor() === 0) return Promise.resolve();
  return new Promise((resolve) => {
    waiters.push(resolve);
    settle();
  });
}
