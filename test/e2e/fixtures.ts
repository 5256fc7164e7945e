import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';

export type Lang = 'zh-CN' | 'en';
export type Theme = 'light' | 'dark';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const THEMES: readonly Theme[] = ['light', 'dark'];

/**
 * The languages a spec runs its flows in: both, as the issues ask of every user flow. With
 * `PURSUIT_E2E_LANGS=one` each flow runs once, in the language its spec names (the specs share
 * the two about half each): a quicker local run while working on a feature.
 */
export function flowLangs(own: Lang): readonly Lang[] {
  return process.env.PURSUIT_E2E_LANGS === 'one' ? [own] : LANGS;
}

const SCREENS =
  process.env.PURSUIT_SCREENS ?? resolve(import.meta.dirname, '../../test-results/screens');

interface AppOptions {
  lang: Lang;
  theme: Theme;
  /** Hash route to open, e.g. "/settings". */
  route?: string;
}

/**
 * Opens the app with the language and theme already chosen, as a returning user would have them:
 * the preferences are written to localStorage before any app script runs. Resolves once the
 * shell has painted and the area has loaded.
 */
export async function openApp(page: Page, { lang, theme, route = '/' }: AppOptions) {
  await page.addInitScript(
    ([language, chosenTheme]) => {
      // Only on the first load of the test, so the app's own changes survive a reload.
      if (sessionStorage.getItem('pursuit.test.seeded') === null) {
        localStorage.setItem('pursuit.language', JSON.stringify(language));
        localStorage.setItem('pursuit.theme', JSON.stringify(chosenTheme));
        sessionStorage.setItem('pursuit.test.seeded', '1');
      }
    },
    [lang, theme] as const,
  );
  await page.goto(`/#${route}`);
  await waitForArea(page);
}

/** What `context.storageState({ indexedDB: true })` gives: the origin's IndexedDB and localStorage. */
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const LOAD_SAMPLE: Record<Lang, string> = { 'zh-CN': '载入示例组合', en: 'Load sample portfolio' };

/**
 * The sample database of this worker, per language (the sample is generated in the user's
 * language) and day (its dates are relative to today). A Playwright worker is one process, so a
 * module-level cache is the worker's: the first test that asks for a language loads the sample
 * through the real button and saves the origin's storage; later tests restore that copy into
 * their own fresh context.
 */
const sampleStates = new Map<string, StorageState>();

function localDay(): string {
  const now = new Date();
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
}

/**
 * Opens the app on the Deals page with the sample portfolio in the database, as if the user had
 * just clicked "Load sample portfolio". Each test still has its own database: the first call of a
 * worker per language clicks the button and waits for the load to finish, then keeps a copy of
 * the stored data; later calls write that copy into the test's fresh context before the app
 * starts (`context.setStorageState`, which recreates every object store with its indexes and
 * the same schema version). Specs whose subject is the button itself (or what loading does to
 * existing data and backups) click it themselves.
 */
export async function openAppWithSample(page: Page, { lang, theme }: Omit<AppOptions, 'route'>) {
  const key = `${lang} ${localDay()}`;
  const saved = sampleStates.get(key);
  if (saved !== undefined) {
    await page.context().setStorageState(saved);
    await openApp(page, { lang, theme, route: '/deals' });
    return;
  }
  await openApp(page, { lang, theme, route: '/deals' });
  await page.getByRole('button', { name: LOAD_SAMPLE[lang] }).click();
  // The mark is set once the load's one transaction has committed.
  await page.waitForFunction(
    () => performance.getEntriesByName('pursuit:sample-load-end', 'mark').length > 0,
    undefined,
    { timeout: 60_000 },
  );
  sampleStates.set(key, await page.context().storageState({ indexedDB: true }));
}

/** Waits for the mark the shell sets after its first painted frame. */
export async function waitForShell(page: Page) {
  await page.waitForFunction(
    () => performance.getEntriesByName('pursuit:shell-painted', 'mark').length > 0,
  );
}

/**
 * Waits for the shell and then for the area inside it to settle: the shell paints before the
 * database is open and before an area's code has loaded, and both show a busy spinner
 * (`aria-busy`) in the main region until then.
 */
export async function waitForArea(page: Page) {
  await waitForShell(page);
  await page.waitForFunction(
    () =>
      document.querySelector('main') !== null &&
      document.querySelector('main [aria-busy="true"]') === null,
  );
}

/** The language and theme the page shows right now, as the app applied them. */
export async function shownLangAndTheme(page: Page): Promise<{ lang: string; theme: string }> {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme ?? '',
  }));
}

/**
 * Saves a screenshot to `test-results/screens/<name>-<lang>-<theme>.png`, named by what the page
 * shows (not what the test asked for), so a file name never lies about its content.
 */
export async function screenshot(page: Page, name: string) {
  const { lang, theme } = await shownLangAndTheme(page);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({
    path: resolve(SCREENS, `${name}-${lang}-${theme}.png`),
    animations: 'disabled',
  });
}

export const test = base;
export { expect };

/**
 * Drags `from` onto `to` with the mouse as a hand would: press, a small move that starts the
 * drag, then steps to the middle of `to` (at most 240 px down a tall target). It lets go only
 * once `over` shows that the app has `to` as the drop target. When the target moved after the
 * drag began (a list scrolled under the pointer), the pointer follows it first.
 */
export async function dragOnto(page: Page, from: Locator, to: Locator, over: Locator) {
  const a = await from.boundingBox();
  if (!a) throw new Error('drag: nothing to drag on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 });
  await expect(async () => {
    const b = await to.boundingBox();
    if (!b) throw new Error('drag: nowhere to drop on screen');
    await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 240), { steps: 12 });
    await expect(over).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await page.mouse.up();
}

/** `target` (a board column, a closing target, a plan row) marked as where a drop would land. */
export function dropOver(target: Locator): Locator {
  return target.and(target.page().locator('[data-drop-over]'));
}

/** The deal rows the portfolio grid has on screen (it is virtualised: only those in view). */
export function portfolioRows(page: Page) {
  return page.locator('.pf-body [role="row"]');
}
