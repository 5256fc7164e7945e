import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlanDate } from '@shared/domain/dates';
import {
  buildIcs,
  escapeIcsText,
  foldIcsLine,
  formatIcsDateTime,
  MAX_LINE_OCTETS,
} from '@shared/export/ics';

const octets = (text: string) => new TextEncoder().encode(text).byteLength;

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space joins the lines. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

/** Reads an escaped TEXT value back (the inverse of `escapeIcsText` for text without controls). */
const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const STAMP = Date.UTC(2026, 10, 26, 9, 30, 15);

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('replaces control characters that TEXT may not hold, keeping tabs', () => {
    expect(escapeIcsText('a\u0000b\u0007c\td')).toBe('a b c\td');
  });
});

describe('foldIcsLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a UTF-8 character and keeps every line within 75 octets', () => {
    const line = `SUMMARY:${'投标文件递交'.repeat(12)}😀end`;
    const folded = foldIcsLine(line);
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
      // Every piece is valid UTF-8 on its own: no lone surrogate, no cut sequence.
      expect(part).toBe(new TextDecoder().decode(new TextEncoder().encode(part)));
      expect(part.includes('\uFFFD')).toBe(false);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('round-trips any text and respects the octet limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldIcsLine(text);
        expect(unfold(folded)).toBe(text);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
        }
      }),
    );
  });
});

describe('formatIcsDateTime', () => {
  it('writes UTC date-times, seconds truncated', () => {
    expect(formatIcsDateTime(STAMP + 999)).toBe('20261126T093015Z');
    expect(formatIcsDateTime(0)).toBe('19700101T000000Z');
  });
});

describe('buildIcs', () => {
  const name =
    'Smart grid, phase 2; lot 3\n国家电网江苏省电力有限公司调度自动化系统升级改造项目技术标书递交';
  const text = buildIcs({
    productId: '-//Pursuit//Pursuit 0.1.0//EN',
    name: 'Pursuit milestones',
    stamp: STAMP,
    events: [
      {
        uid: 'milestone-0b5e@pursuit',
        date: parsePlanDate('2026-12-31'),
        summary: name,
        description: 'Deal: A, B; C\nSecond line',
        sequence: 2,
      },
    ],
  });

  it('is a VCALENDAR with one VEVENT, CRLF line ends and a final CRLF', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('writes an all-day event: DATE start, exclusive next-day end, stamp from the clock', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTSTAMP:20261126T093015Z');
    expect(lines).toContain('UID:milestone-0b5e@pursuit');
    expect(lines).toContain('SEQUENCE:2');
  });

  it('escapes and folds a name with commas, semicolons, a newline and Chinese text', () => {
    const physical = text.split('\r\n');
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    const summary = unfold(text)
      .split('\r\n')
      .find((line) => line.startsWith('SUMMARY:'));
    expect(summary).toBe(`SUMMARY:${escapeIcsText(name)}`);
    expect(summary).toContain('Smart grid\\, phase 2\\; lot 3\\n国家电网');
    expect(unescape(summary!.slice('SUMMARY:'.length))).toBe(name);
    // The summary was long enough to need folding, and no folded line split a character: each
    // physical line survives a UTF-8 round trip on its own.
    expect(physical.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
    for (const line of physical) {
      expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
    }
  });
});
