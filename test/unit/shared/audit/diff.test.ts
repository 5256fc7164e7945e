import { describe, expect, it } from 'vitest';
import { diffFields } from '@shared/audit/diff';

describe('diffFields', () => {
  it('reports changed fields with old and new values, walking nested objects', () => {
    const before = {
      id: 'a',
      rev: 1,
      updatedAt: 1,
      name: 'Grid upgrade',
      keyDates: { submissionDue: '2026-03-01', kickoff: null },
    };
    const after = {
      id: 'a',
      rev: 2,
      updatedAt: 2,
      name: 'Grid upgrade',
      keyDates: { submissionDue: '2026-03-15', kickoff: null },
    };
    expect(diffFields(before, after)).toEqual([
      { field: 'keyDates.submissionDue', old: '2026-03-01', new: '2026-03-15' },
    ]);
  });

  it('compares lists whole and ignores bookkeeping fields', () => {
    const changes = diffFields({ rev: 1, winThemes: ['a'] }, { rev: 5, winThemes: ['a', 'b'] });
    expect(changes).toEqual([{ field: 'winThemes', old: ['a'], new: ['a', 'b'] }]);
  });

  it('treats a create as every field changing from null', () => {
    expect(diffFields(null, { name: 'X', pwin: 20 })).toEqual([
      { field: 'name', old: null, new: 'X' },
      { field: 'pwin', old: null, new: 20 },
    ]);
  });

  it('reports nothing when only bookkeeping changed', () => {
    expect(
      diffFields({ rev: 1, updatedAt: 3, name: 'a' }, { rev: 2, updatedAt: 9, name: 'a' }),
    ).toEqual([]);
  });
});
