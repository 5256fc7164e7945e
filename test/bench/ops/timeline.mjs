/**
 * The portfolio timeline with the `large` portfolio (2,000 deals, about 1,200 of them open) in the
 * database: a cold navigation to `#/timeline` until the first bars are painted
 * (`timeline.render2000`), and until the milestone markers and slip marks are painted too
 * (`timeline.milestones2000`, held to the same target: the view is complete then). The timeline
 * draws its own rows and keeps only those on screen in the DOM. The large portfolio is loaded
 * once per sample (through the app's import path, via the harness page); each figure is the
 * median of three cold openings within the sample.
 */
import { loadLarge } from '../lib/portfolio.mjs';
import { median } from '../lib/stats.mjs';
export const name = 'timeline';
export const metrics = [
  { name: 'timeline.render2000', unit: 'ms', target: 1500 },
  { name: 'timeline.milestones2000', unit: 'ms', target: 1500 },
];
export const runs = 1;
export const timeoutMs = 30 * 60_000;

const OPENINGS = 3;
const BARS_MARK = 'pursuit:timeline-first-bars';
const MILESTONES_MARK = 'pursuit:timeline-milestones';

/** Waits for a performance mark; its time from navigation start, ms. */
async function markTime(page, mark) {
  await page.waitForFunction((m) => performance.getEntriesByName(m, 'mark').length > 0, mark, {
    timeout: 60_000,
  });
  return page.evaluate((m) => performance.getEntriesByName(m, 'mark')[0].startTime, mark);
}

/** A new page (same context, so the same IndexedDB) opened on the timeline. */
async function openTimeline(context, baseURL) {
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('pursuit.language', JSON.stringify('zh-CN')));
  await page.goto(`${baseURL}#/timeline`);
  const firstBars = await markTime(page, BARS_MARK);
  const complete = await markTime(page, MILESTONES_MARK);
  const bars = await page.locator('[data-timeline-bar]').count();
  if (bars === 0) throw new Error('The timeline painted no bars');
  // Only the rows on screen are drawn, whatever the portfolio's size.
  if (bars > 200) throw new Error(`${bars} bars in the DOM: the rows are not virtualised`);
  await page.close();
  return { firstBars, complete };
}

export async function run(ctx) {
  const loader = await loadLarge(ctx);
  const context = loader.context();
  await loader.close();

  const firstBars = [];
  const complete = [];
  for (let i = 0; i < OPENINGS; i += 1) {
    const opened = await openTimeline(context, ctx.baseURL);
    firstBars.push(opened.firstBars);
    complete.push(opened.complete);
  }
  return {
    'timeline.render2000': median(firstBars),
    'timeline.milestones2000': median(complete),
  };
}
