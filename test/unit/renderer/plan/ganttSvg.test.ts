// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parsePlanDate, weekdayOf } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type { GanttSvgInput, GanttSvgRow } from '@renderer/features/plan/utils/ganttSvg';
import {
  buildGanttSvg,
  escapeXml,
  ganttSvgPieces,
  ganttSvgSize,
} from '@renderer/features/plan/utils/ganttSvg';
import { pngScale } from '@renderer/features/plan/hooks/useExportGantt';

const XSS = '<img src=x onerror=alert(1)>';
const SCRIPT = '</text><script>alert(1)</script>';
const d = (text: string): PlanDate => parsePlanDate(text);

function row(
  id: string,
  number: number,
  name: string,
  start: string,
  finish: string,
  extra: Partial<GanttSvgRow> = {},
): GanttSvgRow {
  return {
    id,
    number,
    name,
    depth: 0,
    kind: 'task',
    start: d(start),
    finish: d(finish),
    progress: 0,
    critical: false,
    slipping: false,
    baseline: null,
    startText: start,
    finishText: finish,
    ...extra,
  };
}

function input(extra: Partial<GanttSvgInput> = {}): GanttSvgInput {
  return {
    rows: [
      row('a', 1, 'Solution', '2026-11-02', '2026-11-13', { kind: 'summary' }),
      row('b', 2, XSS, '2026-11-02', '2026-11-06', { depth: 1, progress: 50, critical: true }),
      row('c', 3, '解决方案设计 & pricing', '2026-11-09', '2026-11-13', {
        depth: 1,
        baseline: { start: d('2026-11-05'), finish: d('2026-11-11') },
      }),
      row('m', 4, SCRIPT, '2026-11-16', '2026-11-16', { kind: 'milestone', slipping: true }),
    ],
    links: [
      { from: 'b', to: 'c', type: 'FS' },
      { from: 'c', to: 'm', type: 'FS' },
      { from: 'b', to: 'c', type: 'SS' },
      { from: 'gone', to: 'c', type: 'FF' },
    ],
    mode: 'day',
    today: d('2026-11-04'),
    isWorkingDay: (date) => weekdayOf(date) !== 0 && weekdayOf(date) !== 6,
    locale: 'en',
    quarterLabel: (quarter) => `Q${quarter}`,
    title: `BID-1 ${XSS} — plan`,
    subtitle: 'Exported Nov 4, 2026 · timescale: Day',
    columns: { task: 'Task', start: 'Start', finish: 'Finish' },
    ...extra,
  };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('buildGanttSvg', () => {
  it('writes a well-formed standalone SVG with embedded styles and CJK font fallbacks', () => {
    const svg = buildGanttSvg(input());
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const size = ganttSvgSize(input());
    expect(root.getAttribute('width')).toBe(String(size.width));
    expect(root.getAttribute('height')).toBe(String(size.height));
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${size.width} ${size.height}`);
    const style = doc.getElementsByTagName('style')[0]?.textContent ?? '';
    expect(style).toContain('"Noto Sans CJK SC"');
    expect(style).toContain('"Microsoft YaHei"');
    expect(style).toContain('"PingFang SC"');
    expect(svg).not.toMatch(/<link|@import|url\(http|href=/);
  });

  it('keeps names with markup as text: no element or handler comes out of them', () => {
    const svg = buildGanttSvg(input());
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/<[^>]*\sonerror=/);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    const handlers = [...doc.getElementsByTagName('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => attribute.name.startsWith('on')),
    );
    expect(handlers).toEqual([]);
    const texts = [...doc.getElementsByTagName('text')].map((text) => text.textContent);
    expect(texts).toContain(XSS);
    expect(texts).toContain(SCRIPT);
    expect(texts).toContain('解决方案设计 & pricing');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(`BID-1 ${XSS} — plan`);
  });

  it('draws the whole plan with its header: every row, the month and the days', () => {
    const doc = parse(buildGanttSvg(input()));
    const texts = [...doc.getElementsByTagName('text')].map((text) => text.textContent ?? '');
    expect(texts).toContain('November 2026');
    for (const day of ['2', '13', '16']) expect(texts).toContain(day);
    expect(texts).toEqual(expect.arrayContaining(['1', '2', '3', '4', 'Task', 'Start', 'Finish']));
    expect(doc.querySelectorAll('rect.bar')).toHaveLength(2);
    expect(doc.querySelectorAll('rect.bar-progress')).toHaveLength(1);
    expect(doc.querySelectorAll('path.milestone')).toHaveLength(1);
    expect(doc.querySelectorAll('path.summary')).toHaveLength(1);
    expect(doc.querySelectorAll('rect.baseline')).toHaveLength(1);
    expect(doc.querySelectorAll('g.critical')).toHaveLength(1);
    expect(doc.querySelectorAll('g.slipping')).toHaveLength(1);
    // A link to a row that is not drawn is left out.
    expect(doc.querySelectorAll('path.link')).toHaveLength(3);
    expect(doc.querySelectorAll('path.today')).toHaveLength(1);
    // Weekends shaded in runs: 31 Oct–1 Nov, 7–8, 14–15 and 21–22 Nov in the margins.
    expect(doc.querySelectorAll('rect.nonworking').length).toBeGreaterThanOrEqual(3);
  });

  it('labels weeks, months and quarters in the user’s language', () => {
    const zh = parse(buildGanttSvg(input({ mode: 'week', locale: 'zh-CN' })));
    const zhTexts = [...zh.getElementsByTagName('text')].map((text) => text.textContent ?? '');
    expect(zhTexts).toContain('2026年11月');
    const quarter = parse(
      buildGanttSvg(
        input({
          mode: 'quarter',
          rows: [row('a', 1, 'Long', '2026-11-02', '2027-08-13')],
          links: [],
        }),
      ),
    );
    const qTexts = [...quarter.getElementsByTagName('text')].map((text) => text.textContent ?? '');
    expect(qTexts).toEqual(expect.arrayContaining(['Q1', 'Q2', 'Q3', '2027']));
  });

  it('comes in pieces that join to the whole document and count the rows', () => {
    const many = Array.from({ length: 1_000 }, (_, i) =>
      row(`r${i}`, i + 1, `Task ${i}`, '2026-11-02', '2026-11-06'),
    );
    const big = input({ rows: many, links: [] });
    const pieces = [...ganttSvgPieces(big, 300)];
    expect(pieces.map((piece) => piece.done)).toEqual([0, 300, 600, 900, 1000, 1000]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(buildGanttSvg(big));
    expect(ganttSvgSize(big).height).toBeGreaterThan(1_000 * 28);
  });

  it('drops characters XML cannot hold, so the file always opens', () => {
    expect(escapeXml('a\u0001b\uffffc<&>"\'')).toBe('abc&lt;&amp;&gt;&quot;&apos;');
    parse(buildGanttSvg(input({ title: 'bad \u0000\u0008 title \ud800' })));
  });
});

describe('pngScale', () => {
  it('draws at twice the size when it fits, less for a large chart, never below 1×', () => {
    expect(pngScale(1_200, 800)).toBe(2);
    expect(pngScale(12_000, 800)).toBeCloseTo(16_384 / 12_000);
    expect(pngScale(4_000, 60_000)).toBeNull();
  });
});
