import type { FieldChange } from '@shared/domain/activity';

/** Bookkeeping fields every record has; a change to them alone is not a change a user made. */
const BOOKKEEPING_FIELDS = new Set(['rev', 'createdAt', 'updatedAt']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

/**
 * The fields that differ between two versions of a record, as the activity trail shows them:
 * nested objects are walked so a date change reads `keyDates.submissionDue: 2026-03-01 → 2026-03-15`
 * rather than a whole object; lists are compared and reported whole. Bookkeeping fields are left
 * out. Either side may be null (a create or a hard delete), giving every field as a change.
 */
export function diffFields(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of [...keys].sort()) {
        if (path === '' && BOOKKEEPING_FIELDS.has(key)) continue;
        walk(a[key], b[key], path === '' ? key : `${path}.${key}`);
      }
      return;
    }
    if (!sameJson(a, b)) changes.push({ field: path, old: toJson(a), new: toJson(b) });
  };
  walk(before ?? {}, after ?? {}, '');
  return changes;
}
