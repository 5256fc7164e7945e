/**
 * The plan tab's Gantt chart. `gantt.render500`: drawing the chart of a 500-task plan (the
 * library's full draw plus our overlay, to the next frame), in its default Week timescale — the
 * first draw and two redraws after a timescale change, median. `gantt.drag300`: on a 300-task
 * plan, from releasing the mouse after dragging a bar one day to the moment its successor's bar
 * has moved on screen (the move is scheduled, written in one transaction with its activity
 * records, read back by the live query and drawn), median of five drags.
 */
import { median } from '../lib/stats.mjs';
export const name = 'gantt';
export const metrics = [
  { name: 'gantt.render500', unit: 'ms', target: 500 },
  { name: 'gantt.drag300', unit: 'ms', target: 150 },
];
export const unit = metrics[0].unit;
export const target = metrics[0].target;
export const runs = 3;

const RENDER_MEASURE = 'pursuit:gantt-render';

function isoToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A page on the plan tab of a generated deal with `tasks` tasks, once its chart is drawn. */
async function openPlan(ctx, tasks) {
  const page = await ctx.newPage();
  await page.addInitScript(() => localStorage.setItem('pursuit.language', JSON.stringify('zh-CN')));
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const dealId = await page.evaluate(
    async ([count, start]) => {
      window.pursuitBench.generate('sample');
      const id = window.pursuitBench.addPlanDeal(count, start);
      await window.pursuitBench.loadThroughApp();
      return id;
    },
    [tasks, isoToday()],
  );
  await page.goto(`${ctx.baseURL}#/deals/${dealId}/plan`);
  await page.waitForFunction(
    ([measure, count]) =>
      performance.getEntriesByName(measure, 'measure').length > 0 &&
      document.querySelectorAll('.pg-gantt .bar-wrapper').length >= count,
    [RENDER_MEASURE, tasks],
    { timeout: 60_000 },
  );
  return page;
}

function lastRender(page) {
  return page.evaluate((measure) => {
    const entries = performance.getEntriesByName(measure, 'measure');
    return entries[entries.length - 1].duration;
  }, RENDER_MEASURE);
}

/** Switches the timescale and waits for the chart's redraw; returns how many draws there were. */
async function switchScale(page, label) {
  const before = await page.evaluate(
    (measure) => performance.getEntriesByName(measure, 'measure').length,
    RENDER_MEASURE,
  );
  await page.locator('.ant-segmented-item-label').getByText(label, { exact: true }).click();
  await page.waitForFunction(
    ([measure, count]) => performance.getEntriesByName(measure, 'measure').length > count,
    [RENDER_MEASURE, before],
  );
}

async function render500(ctx) {
  const page = await openPlan(ctx, 500);
  const draws = [await lastRender(page)];
  for (let i = 0; i < 2; i += 1) {
    await switchScale(page, '月');
    await switchScale(page, '周');
    draws.push(await lastRender(page));
  }
  await page.close();
  return median(draws);
}

/** Drags the first work item one day to the right; ms from release to its successor redrawn. */
async function dragOnce(page, mover, follower) {
  const bar = page.locator(`.pg-gantt .bar-wrapper[data-id="${mover}"] .bar`);
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  if (!box) throw new Error('The bar to drag is not on screen');
  const settled = page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const bar = () => document.querySelector(`.pg-gantt .bar-wrapper[data-id="${id}"] .bar`);
        const before = bar()?.getAttribute('x');
        let released = 0;
        document.addEventListener('mouseup', () => (released = performance.now()), {
          capture: true,
          once: true,
        });
        const poll = () => {
          if (released > 0 && bar()?.getAttribute('x') !== before) {
            requestAnimationFrame(() => resolve(performance.now() - released));
          } else if (released > 0 && performance.now() - released > 30_000) {
            reject(new Error('The successor did not move'));
          } else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    follower,
  );
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  // Week view: 16 px a day; the move is one working day whatever day it lands on.
  await page.mouse.move(box.x + box.width / 2 + 10, y, { steps: 2 });
  await page.mouse.move(box.x + box.width / 2 + 18, y, { steps: 2 });
  await page.mouse.up();
  return settled;
}

async function drag300(ctx) {
  const page = await openPlan(ctx, 300);
  // The first work item and the next one in its workstream (a finish-to-start successor).
  const [mover, follower] = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('[role="grid"] [data-row-id]')];
    const items = rows.filter((row) => row.textContent.includes('Work item'));
    const streams = Math.round(300 / 25);
    return [items[0], items[streams]].map((row) => row.getAttribute('data-row-id'));
  });
  const times = [];
  for (let i = 0; i < 5; i += 1) times.push(await dragOnce(page, mover, follower));
  await page.close();
  return median(times);
}

export async function run(ctx) {
  return { 'gantt.render500': await render500(ctx), 'gantt.drag300': await drag300(ctx) };
}
