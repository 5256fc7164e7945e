/** How often an automatic backup is made while the data keeps changing. */
export const AUTO_BACKUP_INTERVAL_MS = 15 * 60_000;

export interface BackupSchedulerOptions {
  readonly intervalMs?: number;
  readonly now: () => number;
  /** Makes a backup; resolves to when it was made. */
  readonly save: () => Promise<number>;
  readonly onError: (error: unknown) => void;
  /**
   * A due backup waits until the user has been idle this long (no key press, click or change):
   * reading and writing a large database takes seconds, which must not land in the middle of a
   * drag or an edit. 0: no waiting.
   */
  readonly quietMs?: number;
  /** The longest a due backup waits for the user to pause; after that it runs anyway. */
  readonly maxWaitMs?: number;
}

/**
 * Decides when an automatic backup is due: only when the data changed since the last one, and
 * no sooner than the interval after it. A failed backup leaves the changes marked, so the next
 * check tries again; only one backup runs at a time.
 */
export class BackupScheduler {
  private changed = false;
  private running: Promise<boolean> | null = null;
  private last = 0;
  /** When the first change not yet backed up was noticed. */
  private changedAt = 0;
  private activeAt = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.intervalMs = options.intervalMs ?? AUTO_BACKUP_INTERVAL_MS;
  }

  /** The data changed (a write in this window or another). */
  markChanged(): void {
    if (!this.changed) this.changedAt = this.options.now();
    this.changed = true;
    this.userActive();
  }

  /** The user did something (a key, a click): a due backup waits for a pause. */
  userActive(): void {
    this.activeAt = this.options.now();
  }

  /** A backup made elsewhere (before a restore, in an earlier session) counts as the last one. */
  backedUpAt(time: number): void {
    this.last = Math.max(this.last, time);
  }

  /** Makes a backup if one is due; true when it made one. */
  async check(): Promise<boolean> {
    if (!this.changed || this.running !== null) return false;
    const now = this.options.now();
    if (now - this.last < this.intervalMs) return false;
    const dueAt = Math.max(this.last + this.intervalMs, this.changedAt);
    const quiet = now - this.activeAt >= (this.options.quietMs ?? 0);
    if (!quiet && now - dueAt < (this.options.maxWaitMs ?? this.intervalMs)) return false;
    return this.flush();
  }

  /**
   * Makes a backup now (with `save`, by default the scheduled one) if the data changed since the
   * last one, whatever the interval (the app is closing); true when it made one. A backup already running is waited for first, then the
   * changes made meanwhile are backed up too.
   */
  async flush(save: () => Promise<number> = this.options.save): Promise<boolean> {
    if (this.running !== null) {
      await this.running;
      return this.flush(save);
    }
    if (!this.changed) return false;
    this.running = this.save(save);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async save(save: () => Promise<number>): Promise<boolean> {
    this.changed = false;
    try {
      this.backedUpAt(await save());
      return true;
    } catch (error) {
      this.changed = true;
      this.options.onError(error);
      return false;
    }
  }
}
