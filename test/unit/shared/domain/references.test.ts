import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { Portfolio } from '@shared/domain/tables';
import { checkReferences, formatReferenceIssues } from '@shared/domain/references';

const NOW = Date.UTC(2026, 10, 26, 9);
const base = generatePortfolio({ seed: 5, locale: 'zh-CN', now: NOW, preset: 'sample' });

function broken(edit: (portfolio: Portfolio) => void): string[] {
  const portfolio = structuredClone(base);
  edit(portfolio);
  return formatReferenceIssues(checkReferences(portfolio));
}

describe('checkReferences', () => {
  it('finds nothing wrong in a consistent portfolio', () => {
    expect(formatReferenceIssues(checkReferences(base))).toEqual([]);
  });

  it('names a record pointing at a deal that does not exist', () => {
    const lines = broken((p) => {
      const task = p.tasks[4];
      if (task !== undefined)
        Object.assign(task, { dealId: '00000000-0000-4000-8000-000000000000' });
    });
    expect(lines).toContain(
      'tasks[4].dealId: refers to a deal that does not exist (00000000-0000-4000-8000-000000000000)',
    );
  });

  it('refuses a dependency between two deals’ plans', () => {
    const lines = broken((p) => {
      const dependency = p.dependencies[0];
      const foreign = p.tasks.find((task) => task.dealId !== dependency?.dealId);
      if (dependency !== undefined && foreign !== undefined)
        Object.assign(dependency, { successorId: foreign.id });
    });
    expect(
      lines.some((line) =>
        /^dependencies\[0\]\.successorId: refers to a task or milestone of another deal/.test(line),
      ),
    ).toBe(true);
  });

  it('reports duplicate ids and duplicate deal codes', () => {
    const lines = broken((p) => {
      const [a, b] = p.deals;
      if (a !== undefined && b !== undefined) {
        Object.assign(b, { code: a.code.toLowerCase() });
        const risk = p.risks[1];
        if (risk !== undefined) Object.assign(risk, { id: p.risks[0]?.id });
      }
    });
    expect(lines).toContain(
      `deals[1].code: repeats the code of deals[0] (${base.deals[0]?.code.toLowerCase()})`,
    );
    expect(lines).toContain(`risks[1].id: repeats the id ${base.risks[0]?.id}`);
  });

  it('detects a task hierarchy that loops', () => {
    const lines = broken((p) => {
      const parent = p.tasks.find((task) => task.parentId === null);
      const child = p.tasks.find((task) => task.parentId === parent?.id);
      if (parent !== undefined && child !== undefined)
        Object.assign(parent, { parentId: child.id });
    });
    expect(
      lines.some((line) => line.endsWith('parentId: makes the task hierarchy loop back on itself')),
    ).toBe(true);
  });
});
