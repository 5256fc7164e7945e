import type { TableName } from '@shared/domain/tables';

export type StoredRecord = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly rev: number;
};

/** One record changed by a write: its version before (null: created) and after. */
export interface RecordChange {
  readonly table: TableName;
  readonly id: string;
  readonly before: StoredRecord | null;
  readonly after: StoredRecord;
}

/** What a write did, for "Undo …" in the UI: an action the UI translates and what it acted on. */
export interface UndoLabel {
  readonly action: 'create' | 'update' | 'delete' | 'restore' | 'log';
  readonly subject: string;
}

export interface UndoEntry {
  readonly label: UndoLabel;
  readonly changes: readonly RecordChange[];
}

type Listener = () => void;

/**
 * The session's undo history (Ctrl/Cmd+Z): the last writes, newest last. It lives in memory only;
 * undoing is itself a write (see `undoLast` in the repositories), recorded in the activity trail.
 */
export class UndoStack {
  private entries: UndoEntry[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly limit = 50) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    this.emit();
  }

  peek(): UndoEntry | undefined {
    return this.entries.at(-1);
  }

  pop(): UndoEntry | undefined {
    const entry = this.entries.pop();
    this.emit();
    return entry;
  }

  /**
   * After an undo wrote `restored` (the version a record had before, at a new revision), the
   * entry below that left the record in that version must expect the new revision, or undoing
   * it would look like a conflict.
   */
  rebase(table: TableName, id: string, restoredFromRev: number, restored: StoredRecord): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      const index = entry?.changes.findLastIndex((c) => c.table === table && c.id === id) ?? -1;
      const change = entry?.changes[index];
      if (!entry || !change) continue;
      if (change.after.rev !== restoredFromRev) return;
      const changes = entry.changes.slice();
      changes[index] = { ...change, after: restored };
      this.entries[i] = { ...entry, changes };
      return;
    }
  }

  clear(): void {
    this.entries = [];
    this.emit();
  }

  get size(): number {
    return this.entries.length;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const undoStack = new UndoStack();
