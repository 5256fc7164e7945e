/**
 * Where a text stops being valid JSON, for an error message a person can act on ("line 1204,
 * column 37: a string is not closed"). `JSON.parse` does the real parsing; its messages differ
 * between engine versions and do not always carry a position, so when it fails this scanner walks
 * the text once more and finds the first offending character itself.
 *
 * The scanner is iterative (an explicit stack, no recursion), so deeply nested input cannot
 * overflow the call stack, and it runs in time linear in the text's length.
 */
export interface JsonSyntaxProblem {
  /** 0-based offset of the offending character (the text's length when it ends too early). */
  readonly offset: number;
  /** 1-based line; `\n`, `\r\n` and a lone `\r` each end a line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units from the start of the line. */
  readonly column: number;
  readonly message: string;
}

type State = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'done';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The character at `offset` as a reader sees it: printable, or its code point. */
function describeChar(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff) {
    return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${String.fromCodePoint(code)}"`;
}

/** Line and column (both 1-based) of `offset`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The first syntax error in `text`, or `null` when the text is well-formed JSON (one value,
 * optionally surrounded by whitespace).
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const stack: ('{' | '[')[] = [];
  const length = text.length;
  let state: State = 'value';
  let pos = 0;

  const problem = (offset: number, message: string): JsonSyntaxProblem => ({
    offset,
    ...lineAndColumn(text, offset),
    message,
  });
  const afterValue = (): State => (stack.length === 0 ? 'done' : 'commaOrEnd');

  /** Scans a string from its opening quote: the offset after its closing quote, or a problem. */
  const scanString = (start: number): number | JsonSyntaxProblem => {
    let i = start + 1;
    for (;;) {
      if (i >= length) return problem(start, 'a text value (string) is not closed with "');
      const code = text.charCodeAt(i);
      if (code === 0x22) return i + 1;
      if (code < 0x20) {
        return problem(
          i,
          `${describeChar(text, i)} appears inside a string (line breaks and tabs must be written as \\n and \\t)`,
        );
      }
      if (code !== 0x5c) {
        i += 1;
        continue;
      }
      const next = text[i + 1];
      if (next === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) {
          return problem(i, 'a \\u escape needs four hexadecimal digits');
        }
        i += 6;
      } else if (next !== undefined && ESCAPES.has(next)) {
        i += 2;
      } else {
        return problem(i, 'a backslash in a string must start a valid escape (such as \\n)');
      }
    }
  };

  /** Scans one value's start (a whole scalar, or the opening of a container). */
  const scanValue = (): { pos: number; state: State } | JsonSyntaxProblem => {
    const char = text[pos];
    if (char === '{' || char === '[') {
      stack.push(char);
      return { pos: pos + 1, state: char === '{' ? 'keyOrEnd' : 'valueOrEnd' };
    }
    if (char === '"') {
      const end = scanString(pos);
      return typeof end === 'number' ? { pos: end, state: afterValue() } : end;
    }
    for (const literal of ['true', 'false', 'null'] as const) {
      if (text.startsWith(literal, pos)) return { pos: pos + literal.length, state: afterValue() };
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.test(text)) return { pos: NUMBER.lastIndex, state: afterValue() };
    return problem(pos, `${describeChar(text, pos)} cannot start a value`);
  };

  for (;;) {
    while (pos < length && isWhitespace(text.charCodeAt(pos))) pos += 1;
    if (pos >= length) {
      return state === 'done'
        ? null
        : problem(length, 'the data ends too early (the file may be cut off)');
    }
    const char = text[pos];
    if (state === 'done') {
      return problem(pos, `${describeChar(text, pos)} follows the end of the data`);
    }
    if ((state === 'valueOrEnd' && char === ']') || (state === 'keyOrEnd' && char === '}')) {
      stack.pop();
      pos += 1;
      state = afterValue();
    } else if (state === 'value' || state === 'valueOrEnd') {
      const scanned = scanValue();
      if ('offset' in scanned) return scanned;
      ({ pos, state } = scanned);
    } else if (state === 'key' || state === 'keyOrEnd') {
      if (char !== '"') {
        return problem(
          pos,
          `expected a property name in double quotes, found ${describeChar(text, pos)}`,
        );
      }
      const end = scanString(pos);
      if (typeof end !== 'number') return end;
      pos = end;
      state = 'colon';
    } else if (state === 'colon') {
      if (char !== ':') {
        return problem(pos, `expected ":" after a property name, found ${describeChar(text, pos)}`);
      }
      pos += 1;
      state = 'value';
    } else {
      const inObject = stack.at(-1) === '{';
      const closer = inObject ? '}' : ']';
      if (char === ',') {
        state = inObject ? 'key' : 'value';
        pos += 1;
      } else if (char === closer) {
        stack.pop();
        pos += 1;
        state = afterValue();
      } else {
        return problem(pos, `expected "," or "${closer}", found ${describeChar(text, pos)}`);
      }
    }
  }
}
