/**
 * What the streamed saves and the streamed reads share: files open across several IPC requests,
 * each under an opaque id and owned by the window (webContents id) that opened it.
 */

/** The system's code for a file-system failure (`ENOSPC`, `EACCES`…), `EUNKNOWN` without one. */
export function systemErrorCode(cause: unknown): string {
  return cause instanceof Error && 'code' in cause && typeof cause.code === 'string'
    ? cause.code
    : 'EUNKNOWN';
}

/** How a registry words its refusals. */
export interface OwnedStreamWords<E extends string> {
  /** Why a request on a stream that ended that way is refused. */
  readonly endings: Readonly<Record<E, string>>;
  /** A request on another window's stream. */
  readonly otherWindow: string;
  /** A request on an id that names no stream. */
  readonly unknown: string;
  readonly refuse: (reason: string) => Error;
}

export interface OwnedStreams<S extends { readonly owner: number }, E extends string> {
  add(id: string, stream: S): void;
  /** `owner`'s open stream `id`; refuses another window's, an ended and an unknown one. */
  find(owner: number, id: string): S;
  /** Whether `owner`'s stream `id` has ended (a second close or abort is then no error). */
  hasEnded(owner: number, id: string): boolean;
  /** Forgets the open stream `id` of `owner` (if it still is) and remembers how it ended. */
  end(id: string, owner: number, ending: E): void;
  /** The open streams of `owner`, with their ids. */
  ownedBy(owner: number): [string, S][];
  /** How many streams are open, for `owner` or for all windows. */
  count(owner?: number): number;
}

/** How many ended streams are remembered, to say why a late request is refused. */
const ENDED_MEMORY = 256;

export function ownedStreams<S extends { readonly owner: number }, E extends string>(
  words: OwnedStreamWords<E>,
): OwnedStreams<S, E> {
  const open = new Map<string, S>();
  const ended = new Map<string, { owner: number; ending: E }>();
  const ownedBy = (owner: number) => [...open.entries()].filter(([, s]) => s.owner === owner);

  return {
    add(id, stream) {
      open.set(id, stream);
    },
    find(owner, id) {
      const stream = open.get(id);
      if (stream !== undefined) {
        if (stream.owner !== owner) throw words.refuse(words.otherWindow);
        return stream;
      }
      const past = ended.get(id);
      if (past !== undefined && past.owner === owner)
        throw words.refuse(words.endings[past.ending]);
      throw words.refuse(words.unknown);
    },
    hasEnded(owner, id) {
      return !open.has(id) && ended.get(id)?.owner === owner;
    },
    end(id, owner, ending) {
      if (open.get(id)?.owner === owner) open.delete(id);
      ended.delete(id);
      ended.set(id, { owner, ending });
      if (ended.size > ENDED_MEMORY) {
        const oldest = ended.keys().next();
        if (oldest.done !== true) ended.delete(oldest.value);
      }
    },
    ownedBy,
    count(owner) {
      return owner === undefined ? open.size : ownedBy(owner).length;
    },
  };
}
