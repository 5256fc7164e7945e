/**
 * The resource heatmap over the `large` portfolio (150 people, 2,000 deals) at 52 weeks.
 * `heatmap.compute`: computing the people × weeks load (and the roles roll-up) from the records
 * read, in the page (the app's own `performance.measure`). `heatmap.render`: from the records
 * arriving to the grid painted, the computation included. Both are medians of three cold
 * openings within the sample. `heatmap.reassign`: from clicking Save in the reassign dialog of a
 * cell's drill-down to that cell showing its new hours (the write in one transaction with its
 * activity record, the live query's re-read, the load recomputed and the grid re-rendered),
 * median of three reassignments.
 */
import { loadLarge } from '../lib/portfolio.mjs';
import { median } from '../lib/stats.mjs';
export const name = 'heatmap';
export const metrics = [
  { name: 'heatmap.compute', unit: 'ms', target: 50 },
  { name: 'heatmap.render', unit: 'ms', target: 300 },
  { name: 'heatmap.reassign', unit: 'ms', target: 100 },
];
export const runs = 1;
export const timeoutMs = 30 * 60_000;

const OPENINGS = 3;
const REASSIGNS = 3;
const COMPUTE = 'pursuit:heatmap-compute';
const RENDER = 'pursuit:heatmap-render';
/** The Monday of the week the large portfolio is generated in (see renderer/src/bench/main.ts). */
const FROM = '2026-11-23';

async function measureOf(page, measure) {
  await page.waitForFunction(
    (m) => performance.getEntriesByName(m, 'measure').length > 0,
    measure,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate((m) => performance.getEntriesByName(m, 'measure')[0].duration, measure);
}

/** A new page (same context, so the same IndexedDB) opened on the 52-week heatmap. */
async function openHeatmap(context, baseURL) {
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('pursuit.language', JSON.stringify('zh-CN')));
  await page.goto(`${baseURL}#/load?weeks=52&from=${FROM}`);
  const render = await measureOf(page, RENDER);
  const compute = await measureOf(page, COMPUTE);
  const rows = await page.locator('.hm-row').count();
  if (rows === 0) throw new Error('The heatmap drew no rows');
  if (rows >= 150) throw new Error(`${rows} rows in the DOM: the heatmap is not virtualised`);
  return { page, render, compute };
}

/** Reassigns the largest contribution of the first filled cell; ms from Save to the cell redrawn. */
async function reassignOnce(page) {
  const cell = page.locator('.hm-row .hm-cell:not(:empty)').first();
  const rowKey = await cell.evaluate((el) => el.closest('.hm-row').dataset.row);
  const week = await cell.getAttribute('data-week');
  await cell.click();
  const drawer = page.getByTestId('drill-down');
  await drawer.waitFor();
  await drawer.locator('button .anticon-swap').first().click();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.locator('.ant-select').nth(1).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  const selector = `.hm-row[data-row="${rowKey}"] .hm-cell[data-week="${week}"]`;
  const settled = page.evaluate(
    (sel) =>
      new Promise((resolve, reject) => {
        const before = document.querySelector(sel)?.textContent;
        let clicked = 0;
        document.addEventListener('click', () => (clicked = performance.now()), {
          capture: true,
          once: true,
        });
        const poll = () => {
          const now = document.querySelector(sel)?.textContent;
          if (clicked > 0 && now !== before) {
            requestAnimationFrame(() => resolve(performance.now() - clicked));
          } else if (clicked > 0 && performance.now() - clicked > 30_000) {
            reject(new Error('The cell did not change'));
          } else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    selector,
  );
  await dialog.locator('.ant-btn-primary').click();
  const elapsed = await settled;
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  return elapsed;
}

export async function run(ctx) {
  const loader = await loadLarge(ctx);
  const context = loader.context();
  const renders = [];
  const computes = [];
  let last = null;
  for (let i = 0; i < OPENINGS; i += 1) {
    if (last) await last.close();
    const opened = await openHeatmap(context, ctx.baseURL);
    renders.push(opened.render);
    computes.push(opened.compute);
    last = opened.page;
  }
  const reassigns = [];
  for (let i = 0; i < REASSIGNS; i += 1) reassigns.push(await reassignOnce(last));
  await last.close();
  return {
    'heatmap.compute': median(computes),
    'heatmap.render': median(renders),
    'heatmap.reassign': median(reassigns),
  };
}
