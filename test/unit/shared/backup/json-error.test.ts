import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, lineAndColumn } from '@shared/backup/json-error';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxProblem', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of [
      '{}',
      ' [ ] ',
      '"a\\u00e9\\n"',
      '-0.5e+10',
      'null',
      '{"a":[1,{"b":true}]}',
    ]) {
      expect(findJsonSyntaxProblem(text)).toBeNull();
    }
  });

  it('points at the offending character by line and column', () => {
    expect(findJsonSyntaxProblem('{"a": 1,\n  "b": }')).toEqual({
      offset: 16,
      line: 2,
      column: 8,
      message: '"}" cannot start a value',
    });
    expect(findJsonSyntaxProblem('{"a": 1\r\n"b": 2}')).toMatchObject({
      line: 2,
      column: 1,
      message: 'expected "," or "}", found """',
    });
    expect(findJsonSyntaxProblem("{'a': 1}")).toMatchObject({
      column: 2,
      message: `expected a property name in double quotes, found "'"`,
    });
    expect(findJsonSyntaxProblem('[1, 2,]')?.column).toBe(7);
    expect(findJsonSyntaxProblem('{"a" 1}')?.message).toBe(
      'expected ":" after a property name, found "1"',
    );
    expect(findJsonSyntaxProblem('{} x')?.message).toBe('"x" follows the end of the data');
  });

  it('explains strings that are not closed or hold raw control characters', () => {
    expect(findJsonSyntaxProblem('["abc')).toMatchObject({
      offset: 1,
      message: 'a text value (string) is not closed with "',
    });
    expect(findJsonSyntaxProblem('["a\nb"]')).toMatchObject({
      line: 1,
      column: 4,
      message:
        'the control character U+000A appears inside a string (line breaks and tabs must be written as \\n and \\t)',
    });
    expect(findJsonSyntaxProblem('["\\x"]')?.message).toMatch(/valid escape/);
    expect(findJsonSyntaxProblem('["\\u12G4"]')?.message).toMatch(/four hexadecimal digits/);
  });

  it('says when the data ends too early', () => {
    expect(findJsonSyntaxProblem('{"a":[1,2')).toMatchObject({
      offset: 9,
      message: 'the data ends too early (the file may be cut off)',
    });
    expect(findJsonSyntaxProblem('')?.offset).toBe(0);
  });

  it('copes with nesting far deeper than any call stack', () => {
    const deep = '['.repeat(1_000_000);
    expect(findJsonSyntaxProblem(deep)?.offset).toBe(1_000_000);
    expect(findJsonSyntaxProblem(`${deep}${']'.repeat(1_000_000)}`)).toBeNull();
  });

  it('counts lines ended by \\n, \\r\\n or a lone \\r', () => {
    expect(lineAndColumn('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumn('ab', 1)).toEqual({ line: 1, column: 2 });
  });

  it('agrees with JSON.parse on what is valid (1,000 generated texts)', () => {
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '"', '}', ']', ':', '\n', '\\', 'x', '0'),
      )
      .map(([json, at, insert]) => {
        const cut = at % (json.length + 1);
        return json.slice(0, cut) + insert + json.slice(cut + (at % 2));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        const problem = findJsonSyntaxProblem(text);
        expect(problem === null).toBe(parses(text));
        if (problem) {
          expect(problem.offset).toBeGreaterThanOrEqual(0);
          expect(problem.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
