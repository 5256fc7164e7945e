import type { TableName } from '@shared/domain/tables';

/**
 * Errors a repository write can end with. Each carries what the UI needs to say what went wrong
 * and what to do next; the transaction it came from was rolled back, so nothing was half-written.
 */
export class StaleRevisionError extends Error {
  override readonly name = 'StaleRevisionError';
  constructor(
    readonly table: TableName,
    readonly id: string,
    readonly expectedRev: number,
    readonly actualRev: number | null,
  ) {
    super(
      actualRev === null
        ? `${table} ${id} no longer exists (it was deleted elsewhere)`
        : `${table} ${id} was changed elsewhere (revision ${actualRev}, this edit was based on ${expectedRev})`,
    );
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly table: TableName,
    readonly id: string,
  ) {
    super(`${table} ${id} does not exist`);
  }
}

/** A record failed its schema: `issues` are `path: message` lines (see `formatIssues`). */
export class RecordValidationError extends Error {
  override readonly name = 'RecordValidationError';
  constructor(
    readonly table: TableName,
    readonly issues: readonly string[],
  ) {
    super(`${table}: ${issues.join('; ')}`);
  }
}

/** Undo refused because a record it would restore has been changed since. */
export class UndoConflictError extends Error {
  override readonly name = 'UndoConflictError';
  constructor(readonly subject: string) {
    super(`Cannot undo the change to ${subject}: it has been edited since`);
  }
}

/**
 * True for a write that failed because the disk or the browser's storage quota is full. Dexie
 * may report it directly (`QuotaExceededError`) or wrapped in an `AbortError` whose `inner` (or
 * DOMException `cause`) is the quota error.
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { name } = e as { name?: unknown };
    if (name === 'QuotaExceededError') return true;
    const next =
      (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return false;
}
