import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { checkReferences } from '@shared/domain/references';
import { TABLE_NAMES, portfolioSchema } from '@shared/domain/tables';
import { MAX_REPORTED_ERRORS, parseBackup, serializeBackup } from '@shared/backup/format';
import type { ParseBackupResult } from '@shared/backup/format';

/**
 * Hostile and random input for the backup reader. Whatever it is given, `parseBackup` must not
 * throw and must either hand back a portfolio that is valid through and through, or refuse with
 * specific, readable errors. Together these properties run well over 1,000 generated cases.
 */

const NOW = Date.UTC(2026, 10, 26, 9);
// Small enough to parse a thousand times, large enough to have every kind of record.
const base = generatePortfolio({
  seed: 3,
  locale: 'zh-CN',
  now: NOW,
  deals: 3,
  people: 9,
  accounts: 2,
  tasksPerDeal: 4,
  risksPerDeal: 2,
  costEntriesPerDeal: 2,
  activitiesPerDeal: 3,
  timeEntriesPerDeal: 2,
});
const baseText = serializeBackup(base, { appVersion: '0.1.0', createdAt: NOW });
const baseFile = JSON.parse(baseText) as {
  tables: Record<string, Record<string, unknown>[]>;
} & Record<string, unknown>;
const populated = TABLE_NAMES.filter((name) => base[name].length > 0);

/** The invariant every input must satisfy. */
function checkOutcome(result: ParseBackupResult): void {
  if (result.ok) {
    expect(portfolioSchema.safeParse(result.portfolio).success).toBe(true);
    expect(checkReferences(result.portfolio)).toEqual([]);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
  for (const error of result.errors) {
    expect(error.code).not.toBe('internal');
    expect(error.message.trim()).not.toBe('');
    expect(error.message.length).toBeLessThanOrEqual(400);
  }
}

function run(text: string): ParseBackupResult {
  let result: ParseBackupResult | undefined;
  expect(() => {
    result = parseBackup(text);
  }).not.toThrow();
  checkOutcome(result!);
  return result!;
}

function copy() {
  return structuredClone(baseFile);
}

/** A record chosen by two random numbers: a populated table and a row in it. */
function pick(tableSeed: number, rowSeed: number) {
  const table = populated[tableSeed % populated.length]!;
  const index = rowSeed % base[table].length;
  return { table, index };
}

const anyValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

describe('parseBackup under random and hostile input', () => {
  it('never throws on random text, random JSON or random backup-shaped objects', () => {
    const backupShaped = fc
      .record({
        format: fc.constantFrom('pursuit-backup', 'backup', undefined),
        formatVersion: fc.oneof(fc.constantFrom(0, 1, 2), anyValue),
        appVersion: fc.oneof(fc.constant('0.1.0'), anyValue),
        createdAt: fc.oneof(fc.constant('2026-11-26T09:00:00.000Z'), anyValue),
        tables: fc.oneof(
          anyValue,
          fc.dictionary(
            fc.oneof(fc.constantFrom(...TABLE_NAMES), fc.string({ maxLength: 8 })),
            fc.oneof(anyValue, fc.array(anyValue, { maxLength: 3 })),
            { maxKeys: 30 },
          ),
        ),
      })
      .map((file) => JSON.stringify(file));
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), backupShaped),
        (text) => {
          expect(run(text).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a valid backup cut short anywhere, as invalid JSON', () => {
    fc.assert(
      fc.property(fc.nat({ max: baseText.length - 4 }), (cut) => {
        const result = run(baseText.slice(0, cut));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['empty', 'invalidJson']).toContain(result.errors[0]?.code);
      }),
      { numRuns: 150 },
    );
  });

  it('names the table and record when a field gets a value of the wrong kind', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), anyValue, (t, r, f, value) => {
        const { table, index } = pick(t, r);
        const file = copy();
        const record = file.tables[table]![index]!;
        const keys = Object.keys(record);
        const key = keys[f % keys.length]!;
        record[key] = value;
        const result = run(JSON.stringify(file));
        if (!result.ok) {
          // Schema problems come table by table; an id changed to garbage is a schema problem too.
          const first = result.errors[0]!;
          if (first.code === 'invalidRecord') {
            expect([first.table, first.index]).toEqual([table, index]);
          } else {
            expect(first.code).toBe('invalidReference');
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it('refuses huge strings without quoting them back', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 25_000, max: 400_000 }), (t, r, size) => {
        const { table, index } = pick(t, r);
        const file = copy();
        const record = file.tables[table]![index]!;
        const key = Object.keys(record).find((k) => typeof record[k] === 'string' && k !== 'id');
        const huge = 'Ω'.repeat(size);
        if (key === undefined) file.tables[huge] = [];
        else record[key] = huge;
        const result = run(JSON.stringify(file));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(JSON.stringify(result.errors).length).toBeLessThan(2_000);
      }),
      { numRuns: 40 },
    );
  });

  it('names unknown tables', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 30 })
          .filter((name) => !(TABLE_NAMES as readonly string[]).includes(name)),
        anyValue,
        (name, value) => {
          const file = copy();
          // An own property even for a name like "__proto__", as JSON.parse would make it.
          Object.defineProperty(file.tables, name, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          const result = run(JSON.stringify(file));
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.errors).toContainEqual(
              expect.objectContaining({ code: 'unknownTable', table: name }),
            );
          }
        },
      ),
      {
        numRuns: 100,
        examples: [
          ['__proto__', []],
          ['constructor', {}],
        ],
      },
    );
  });

  it('refuses duplicate ids, naming the repeated record', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (t, r) => {
        const { table, index } = pick(t, r);
        const file = copy();
        const rows = file.tables[table]!;
        rows.push(structuredClone(rows[index]!));
        const result = run(JSON.stringify(file));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.errors).toContainEqual(
            expect.objectContaining({
              code: 'invalidReference',
              table,
              index: rows.length - 1,
              field: 'id',
            }),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses references to records that do not exist', () => {
    const withRefs = populated.flatMap((table) =>
      base[table].flatMap((record, index) =>
        Object.entries(record)
          .filter(([key, value]) => key.endsWith('Id') && typeof value === 'string')
          .map(([key]) => ({ table, index, key })),
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...withRefs),
        fc.uuid({ version: 4 }),
        ({ table, index, key }, ghost) => {
          const file = copy();
          file.tables[table]![index]![key] = ghost;
          const result = run(JSON.stringify(file));
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.errors).toContainEqual(
              expect.objectContaining({ code: 'invalidReference', table, index, field: key }),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads a valid backup whatever its BOM and line endings', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.constantFrom('\n', '\r\n', '\r', ' \n\t'), { minLength: 1, maxLength: 8 }),
        (bom, endings) => {
          let line = 0;
          const text = baseText.replace(/\n/g, () => endings[line++ % endings.length]!);
          const result = run(bom ? `\uFEFF${text}` : text);
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.portfolio).toEqual(base);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuses deeply nested values in any field without overflowing the stack', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 50_000 }),
        fc.boolean(),
        (t, r, f, depth, objects) => {
          const { table, index } = pick(t, r);
          const file = copy();
          const record = file.tables[table]![index]!;
          const keys = Object.keys(record);
          record[keys[f % keys.length]!] = '@@nested@@';
          const nested = objects
            ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
            : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
          const result = run(JSON.stringify(file).replace('"@@nested@@"', nested));
          // Shallow nesting may be a legal value for some field; deep nesting never is.
          if (depth > 32) expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('survives random damage to a valid backup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 4 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (edits) => {
          let text = baseText;
          for (const [at, remove, insert] of edits) {
            const cut = at % (text.length + 1);
            text = text.slice(0, cut) + insert + text.slice(cut + remove);
          }
          run(text);
        },
      ),
      { numRuns: 200 },
    );
  });
});
