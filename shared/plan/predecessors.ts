import type { PlanItemId } from '@shared/domain/ids';
import type { LinkType } from '@shared/schedule/model';
import type { IncomingLink, LinkRuleError, PlanLink } from '@shared/plan/links';
import { checkPredecessors, MAX_LAG_DAYS } from '@shared/plan/links';
import type { PlanRow } from '@shared/plan/rows';

/**
 * The predecessors column, written the way scheduling tools write it: row numbers with an
 * optional link type and lag, separated by commas — `3`, `3FS+2`, `5SS`, `7FF-1`. A bare row
 * number is finish-to-start without lag, and that is also how such a link is shown.
 */

/** One parsed entry, still by row number. */
export interface PredecessorSpec {
  readonly row: number;
  readonly type: LinkType;
  readonly lagDays: number;
}

/** What is wrong with the text, entry by entry, so the message can quote the entry. */
export type PredecessorTextError =
  /** Not a row number followed by an optional type and lag. */
  | { readonly kind: 'syntax'; readonly entry: string }
  /** A link type other than FS, SS or FF (`SF` is not used in bid plans, and not supported). */
  | { readonly kind: 'badType'; readonly entry: string; readonly type: string }
  /** A lag that is not a whole number of working days within ±1000. */
  | { readonly kind: 'badLag'; readonly entry: string };

/** Everything that can be wrong with a predecessors entry, by row number, for the grid. */
export type PredecessorError =
  | PredecessorTextError
  | { readonly kind: 'unknownRow'; readonly row: number }
  | { readonly kind: 'selfLink'; readonly row: number }
  | { readonly kind: 'duplicateRow'; readonly row: number }
  /** The row named is a summary: link one of its subtasks. */
  | { readonly kind: 'summaryRow'; readonly row: number }
  /** The row being edited is a summary: its dates follow its subtasks. */
  | { readonly kind: 'summaryTarget'; readonly row: number }
  /** The links would loop back: rows in link order, e.g. [3, 5, 8] for 3 → 5 → 8 → 3. */
  | { readonly kind: 'cycle'; readonly rows: readonly number[] };

type Parsed<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

const ENTRY = /^(\d+)\s*([a-z]*)\s*(?:([+-])\s*(\d+(?:\.\d*)?)\s*(?:d|days?|天|工作日)?)?$/i;
const TYPES: readonly LinkType[] = ['FS', 'SS', 'FF'];

/**
 * Reads the predecessors text. Full-width characters (typed with a Chinese input method) and the
 * Chinese comma and enumeration comma are accepted as their ASCII forms.
 */
export function parsePredecessorText(
  text: string,
): Parsed<PredecessorSpec[], PredecessorTextError> {
  const entries = text
    .normalize('NFKC')
    .split(/[,;、]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const specs: PredecessorSpec[] = [];
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (match === null) return { ok: false, error: { kind: 'syntax', entry } };
    const typeText = (match[2] ?? '').toUpperCase();
    const type = typeText === '' ? 'FS' : TYPES.find((t) => t === typeText);
    if (type === undefined) return { ok: false, error: { kind: 'badType', entry, type: typeText } };
    const magnitude = match[4] === undefined ? 0 : Number(match[4]);
    if (!Number.isInteger(magnitude) || magnitude > MAX_LAG_DAYS) {
      return { ok: false, error: { kind: 'badLag', entry } };
    }
    specs.push({
      row: Number(match[1]),
      type,
      lagDays: match[3] === '-' ? -magnitude : magnitude,
    });
  }
  return { ok: true, value: specs };
}

/** One entry as the grid shows it: `3`, `3SS`, `3FS+2`, `3FF-1`. */
export function formatPredecessor(spec: PredecessorSpec): string {
  const lag = spec.lagDays > 0 ? `+${spec.lagDays}` : spec.lagDays < 0 ? `${spec.lagDays}` : '';
  const type = spec.type === 'FS' && lag === '' ? '' : spec.type;
  return `${spec.row}${type}${lag}`;
}

/** Every row's predecessors as text, in row order (rows without any are left out). */
export function formatPredecessors(
  rows: readonly PlanRow[],
  links: readonly PlanLink[],
): Map<PlanItemId, string> {
  const rowNumberOf = new Map<string, number>(rows.map((row) => [row.id, row.rowNumber]));
  const specs = new Map<PlanItemId, PredecessorSpec[]>();
  for (const link of links) {
    const row = rowNumberOf.get(link.predecessorId);
    if (row === undefined) continue;
    const spec = { row, type: link.type, lagDays: link.lagDays };
    const list = specs.get(link.successorId);
    if (list) list.push(spec);
    else specs.set(link.successorId, [spec]);
  }
  const out = new Map<PlanItemId, string>();
  for (const [id, list] of specs) {
    out.set(
      id,
      list
        .sort((a, b) => a.row - b.row)
        .map(formatPredecessor)
        .join(', '),
    );
  }
  return out;
}

function byRow(error: LinkRuleError, rowOf: (id: string) => number): PredecessorError {
  switch (error.kind) {
    case 'unknownItem':
      return { kind: 'unknownRow', row: rowOf(error.id) };
    case 'selfLink':
      return { kind: 'selfLink', row: rowOf(error.id) };
    case 'duplicate':
      return { kind: 'duplicateRow', row: rowOf(error.id) };
    case 'summary':
      return { kind: 'summaryRow', row: rowOf(error.id) };
    case 'badLag':
      return { kind: 'badLag', entry: String(error.lagDays) };
    case 'cycle':
      return { kind: 'cycle', rows: error.cycle.map(rowOf) };
  }
}

/**
 * Turns the text typed into a row's predecessors cell into links, or says precisely what is
 * wrong: an entry that cannot be read, a link type or lag that is not allowed, a row that does
 * not exist, the row itself, a row named twice, a summary on either end, or a loop (with every
 * row on it, in order).
 */
export function resolvePredecessorText(input: {
  readonly text: string;
  readonly rows: readonly PlanRow[];
  readonly links: readonly PlanLink[];
  readonly successorId: PlanItemId;
}): Parsed<IncomingLink[], PredecessorError> {
  const parsed = parsePredecessorText(input.text);
  if (!parsed.ok) return parsed;
  const target = input.rows.find((row) => row.id === input.successorId);
  if (target === undefined) return { ok: false, error: { kind: 'unknownRow', row: 0 } };
  if (target.summary && parsed.value.length > 0) {
    return { ok: false, error: { kind: 'summaryTarget', row: target.rowNumber } };
  }
  const proposed: IncomingLink[] = [];
  const seen = new Set<number>();
  for (const spec of parsed.value) {
    const row = input.rows[spec.row - 1];
    if (row === undefined) return { ok: false, error: { kind: 'unknownRow', row: spec.row } };
    if (row.id === target.id) return { ok: false, error: { kind: 'selfLink', row: spec.row } };
    if (seen.has(spec.row)) return { ok: false, error: { kind: 'duplicateRow', row: spec.row } };
    seen.add(spec.row);
    proposed.push({ predecessorId: row.id, type: spec.type, lagDays: spec.lagDays });
  }
  const rowNumberOf = new Map<string, number>(input.rows.map((row) => [row.id, row.rowNumber]));
  const problem = checkPredecessors({
    rows: input.rows,
    links: input.links,
    successorId: input.successorId,
    proposed,
  });
  if (problem !== null) {
    return { ok: false, error: byRow(problem, (id) => rowNumberOf.get(id) ?? 0) };
  }
  return { ok: true, value: proposed };
}
