import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { ENTITY_SCHEMAS, portfolioSchema, TABLE_NAMES } from '@shared/domain/tables';
import { FORMAT_V2_NEW_TABLES, FORMAT_V3_NEW_TABLES } from '@shared/backup/migrations';
import type { Portfolio } from '@shared/domain/tables';
import { formatIssues, formatPath } from '@shared/domain/issues';
import { dealSchema, weightedValue } from '@shared/domain/deal';
import { taskSchema } from '@shared/domain/task';
import { gateSchema } from '@shared/domain/gate';
import { riskSchema, riskScore } from '@shared/domain/risk';
import { dependencySchema } from '@shared/domain/dependency';
import { settingsSchema } from '@shared/domain/settings';
import { targetSchema } from '@shared/domain/target';
import { commissionPlanSchema } from '@shared/domain/commission';
import { stageSchema } from '@shared/domain/sales-process';
import { activitySchema } from '@shared/domain/activity';
import { timeEntrySchema } from '@shared/domain/time-entry';
import { personSchema } from '@shared/domain/person';
import { contactSchema } from '@shared/domain/contact';
import { dealIdSchema } from '@shared/domain/ids';
import { periodSchema } from '@shared/domain/period';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 11, locale: 'en', now: NOW, preset: 'sample' });

function first<T>(rows: readonly T[], predicate: (row: T) => boolean = () => true): T {
  const row = rows.find(predicate);
  if (row === undefined) throw new Error('The sample portfolio lacks a fixture row');
  return structuredClone(row);
}

/** The issues of a failed parse as `path: message` lines plus their zod codes. */
function problems(schema: z.ZodType, value: unknown): { lines: string[]; codes: string[] } {
  const result = schema.safeParse(value);
  if (result.success) return { lines: [], codes: [] };
  return {
    lines: formatIssues(result.error),
    codes: result.error.issues.map((issue) => issue.code),
  };
}

describe('entity schemas accept valid records', () => {
  // Tables new in backup formats 2 and 3 are empty in the generated sample; their own tests cover
  // them.
  const sampled = TABLE_NAMES.filter(
    (name) =>
      !(FORMAT_V2_NEW_TABLES as readonly string[]).includes(name) &&
      !(FORMAT_V3_NEW_TABLES as readonly string[]).includes(name),
  );
  it.each(sampled)('%s', (table) => {
    const rows: readonly unknown[] = sample[table];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(problems(ENTITY_SCHEMAS[table], row).lines).toEqual([]);
  });
});

describe('entity schemas reject bad data with a path and a readable message', () => {
  it('names the record and field inside a whole portfolio, keeping zod’s code', () => {
    const portfolio: Portfolio = structuredClone(sample);
    const deal = portfolio.deals[3];
    if (deal === undefined) throw new Error('missing deal');
    Object.assign(deal, { value: { amountMinor: 1050.5, currency: 'CNY' } });
    const result = portfolioSchema.safeParse(portfolio);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatIssues(result.error)).toEqual([
        'deals[3].value.amountMinor: must be a whole number of minor units',
      ]);
      expect(result.error.issues[0]?.code).toBe('invalid_type');
    }
  });

  it('refuses a Pwin outside 0–100 and a deal without an owner', () => {
    const deal = first(sample.deals);
    expect(problems(dealSchema, { ...deal, pwin: 101 })).toEqual({
      lines: ['pwin: must be at most 100'],
      codes: ['too_big'],
    });
    expect(problems(dealSchema, { ...deal, ownerId: undefined }).lines).toEqual([
      'ownerId: must be an id (a UUID string)',
    ]);
  });

  it('keeps key dates in order and requires an outcome date once closed', () => {
    const deal = first(sample.deals, (d) => d.keyDates.rfpRelease !== null && d.status === 'open');
    const early = {
      ...deal,
      keyDates: {
        ...deal.keyDates,
        submissionDue: '2000-01-03',
        questionsDue: null,
        kickoff: null,
      },
    };
    expect(problems(dealSchema, early).lines).toContain(
      `keyDates.submissionDue: must not be before rfpRelease (${deal.keyDates.rfpRelease})`,
    );
    expect(problems(dealSchema, { ...deal, status: 'lost' }).lines).toEqual([
      'outcomeDate: is required when the deal is lost',
    ]);
  });

  it('requires revenue splits to total 100 %', () => {
    const deal = first(sample.deals);
    const splits = [
      { personId: deal.ownerId, kind: 'revenue', shareBp: 6_000 },
      { personId: sample.people[1]?.id, kind: 'revenue', shareBp: 3_000 },
    ];
    expect(problems(dealSchema, { ...deal, creditSplits: splits }).lines).toEqual([
      'creditSplits: revenue splits must total 100 % (they total 90 %)',
    ]);
  });

  it('refuses a task that finishes before it starts or is its own parent', () => {
    const task = first(sample.tasks);
    expect(
      problems(taskSchema, { ...task, start: '2026-05-10', finish: '2026-05-08' }).lines,
    ).toEqual(['finish: must not be before start (2026-05-10)']);
    expect(problems(taskSchema, { ...task, parentId: task.id }).lines).toEqual([
      'parentId: must not be the task itself',
    ]);
    expect(problems(taskSchema, { ...task, progress: 120 }).codes).toEqual(['too_big']);
  });

  it('records a gate decision only with who decided and when', () => {
    const gate = first(sample.gates, (g) => g.decision === null);
    expect(problems(gateSchema, { ...gate, decision: 'go' }).lines).toEqual([
      'decidedBy: is required once a decision is recorded',
      'decidedAt: is required once a decision is recorded',
    ]);
    expect(problems(gateSchema, { ...gate, decision: 'maybe' }).lines).toEqual([
      'decision: must be go, no_go or reshape',
    ]);
  });

  it('derives the risk score instead of storing it, and keeps history in step', () => {
    const risk = first(sample.risks);
    const parsed = riskSchema.parse({ ...risk, score: 99 });
    expect('score' in parsed).toBe(false);
    expect(riskScore({ probability: 4, impact: 5 })).toBe(20);
    expect(problems(riskSchema, { ...risk, probability: 6 }).codes).toContain('too_big');
    const last = risk.history.length - 1;
    const other = risk.probability === 1 ? 2 : 1;
    expect(problems(riskSchema, { ...risk, probability: other }).lines).toEqual([
      `history[${last}]: must match the current probability, impact and status`,
    ]);
  });

  it('refuses a dependency from an item to itself', () => {
    const dependency = first(sample.dependencies);
    expect(
      problems(dependencySchema, { ...dependency, successorId: dependency.predecessorId }).lines,
    ).toEqual(['successorId: must not be the same item as the predecessor']);
    expect(problems(dependencySchema, { ...dependency, type: 'SF' }).lines).toEqual([
      'type: must be FS, SS or FF',
    ]);
  });

  it('checks the audit fields every record carries', () => {
    const deal = first(sample.deals);
    expect(problems(dealSchema, { ...deal, updatedAt: deal.createdAt - 1 }).lines).toEqual([
      'updatedAt: must not be earlier than createdAt',
    ]);
    expect(problems(dealSchema, { ...deal, rev: 0 }).lines).toEqual(['rev: must be at least 1']);
    expect(problems(dealSchema, { ...deal, id: deal.id.toUpperCase() }).lines).toEqual([
      'id: must be an id (a lower-case UUID)',
    ]);
    expect(dealIdSchema.safeParse('deal-1').success).toBe(false);
  });

  it('keeps settings coherent: working week, holidays and make-up days', () => {
    const settings = first(sample.settings);
    expect(problems(settingsSchema, { ...settings, workingWeek: [1, 2, 7] }).lines).toEqual([
      'workingWeek[2]: must be a weekday number from 0 (Sunday) to 6 (Saturday)',
    ]);
    expect(problems(settingsSchema, { ...settings, workingWeek: [] }).lines).toEqual([
      'workingWeek: must have at least one working day',
    ]);
    expect(
      problems(settingsSchema, {
        ...settings,
        holidays: ['2026-10-01'],
        extraWorkingDays: ['2026-10-01'],
      }).lines,
    ).toEqual(['extraWorkingDays[0]: is also listed as a holiday (2026-10-01)']);
    expect(problems(settingsSchema, { ...settings, fiscalYearStartMonth: 13 }).lines).toEqual([
      'fiscalYearStartMonth: must be at most 12',
    ]);
  });

  it('refuses ill-formed targets, commission plans, stages and periods', () => {
    const target = first(sample.targets, (t) => t.personId !== null);
    expect(problems(targetSchema, { ...target, teamId: sample.teams[0]?.id }).lines).toEqual([
      'personId: exactly one of personId and teamId must be set',
    ]);
    expect(problems(periodSchema, { kind: 'quarter', fiscalYear: 2026, index: 5 }).lines).toEqual([
      'index: must be at most 4 for a quarter',
    ]);
    const tiered = first(sample.commissionPlans, (p) => p.kind === 'tiered');
    expect(
      problems(commissionPlanSchema, { ...tiered, tiers: [{ fromAttainmentPct: 20, rateBp: 100 }] })
        .lines,
    ).toEqual(['tiers[0].fromAttainmentPct: must be 0 for the first band']);
    const flat = first(sample.commissionPlans, (p) => p.kind === 'flat');
    expect(problems(commissionPlanSchema, { ...flat, flatRateBp: null }).lines).toEqual([
      'flatRateBp: is required for a flat plan',
    ]);
    const won = first(sample.stages, (s) => s.kind === 'won');
    expect(problems(stageSchema, { ...won, defaultPwin: 50 }).lines).toEqual([
      'defaultPwin: must be 100 for a won stage',
    ]);
  });

  it('separates system records from logged work in the activity trail', () => {
    const system = first(sample.activities, (a) => a.type === 'system');
    expect(problems(activitySchema, { ...system, system: null }).lines).toEqual([
      'system: is required for a system activity',
    ]);
    const call = first(sample.activities, (a) => a.type === 'call');
    expect(problems(activitySchema, { ...call, summary: '  ' }).lines).toEqual([
      'summary: must not be empty',
    ]);
  });

  it('refuses impossible hours, capacity without a working week and bad e-mail addresses', () => {
    const entry = first(sample.timeEntries);
    expect(problems(timeEntrySchema, { ...entry, hours: 0 }).lines).toEqual([
      'hours: must be more than 0',
    ]);
    expect(problems(timeEntrySchema, { ...entry, hours: 25 }).lines).toEqual([
      'hours: must be at most 24 hours',
    ]);
    const person = first(sample.people);
    expect(problems(personSchema, { ...person, workingWeek: [] }).lines).toEqual([
      'workingWeek: must have at least one working day when capacity is set',
    ]);
    const contact = first(sample.contacts);
    expect(problems(contactSchema, { ...contact, email: 'not an email' }).lines).toEqual([
      'email: must be an email address (or left empty)',
    ]);
    expect(problems(contactSchema, { ...contact, email: '' }).lines).toEqual([]);
  });
});

describe('figures derived from a deal', () => {
  it('weights the value by Pwin, rounded to the minor unit', () => {
    expect(weightedValue({ value: { amountMinor: 1_000_001, currency: 'CNY' }, pwin: 35 })).toEqual(
      {
        amountMinor: 350_000,
        currency: 'CNY',
      },
    );
    expect(
      weightedValue({ value: { amountMinor: 5, currency: 'CNY' }, pwin: 50 }).amountMinor,
    ).toBe(3);
  });
});

describe('formatPath', () => {
  it('writes paths the way a person reads a location in data', () => {
    expect(formatPath(['deals', 3, 'value', 'amountMinor'])).toBe('deals[3].value.amountMinor');
    expect(formatPath([0, 'name'], 'rows')).toBe('rows[0].name');
    expect(formatPath(['odd key', 'x'])).toBe('["odd key"].x');
    expect(formatPath([])).toBe('(root)');
  });
});
