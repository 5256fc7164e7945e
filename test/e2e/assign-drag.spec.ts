import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, LANGS, openApp, screenshot, test } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    people: '人员',
    panel: '把人员拖到任务上',
    search: '查找人员',
    assign: '分派人员',
    hours: '工时',
    save: '保存',
    assigned: /已将 .* 分派到/,
    hidePeople: '隐藏人员',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    people: 'People',
    panel: 'Drag a person onto a task',
    search: 'Find a person',
    assign: 'Assign person',
    hours: 'Hours',
    save: 'Save',
    assigned: /^Assigned .* to/,
    hidePeople: 'Hide people',
  },
} as const;

const XSS_NAME = '<img src=x onerror="window.__xss=1"> Drag';

/**
 * An open sample deal with a plan, and a person added straight to the database whose name is
 * markup (the page is reloaded so the app reads it).
 */
async function prepare(page: Page): Promise<{ id: string }> {
  const id = await page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'tasks', 'people'], 'readwrite');
          const deals = tx.objectStore('deals').getAll();
          const tasks = tx.objectStore('tasks').getAll();
          const people = tx.objectStore('people').getAll();
          tx.oncomplete = () => db.close();
          people.onsuccess = () => {
            const person = (people.result as Record<string, unknown>[]).find(
              (p) => p['active'] === true,
            );
            if (person)
              tx.objectStore('people').put({
                ...person,
                id: '00000000-0000-4000-8000-00000000d7a9',
                name,
              });
            const allTasks = tasks.result as {
              id: string;
              dealId: string;
              parentId: string | null;
            }[];
            const parents = new Set(allTasks.map((t) => t.parentId));
            const leaves = new Map<string, number>();
            for (const t of allTasks)
              if (!parents.has(t.id)) leaves.set(t.dealId, (leaves.get(t.dealId) ?? 0) + 1);
            const deal = (deals.result as { id: string; status: string; deletedAt: unknown }[])
              .filter((d) => d.status === 'open' && d.deletedAt === null)
              .find((d) => (leaves.get(d.id) ?? 0) >= 3);
            if (deal) resolve(deal.id);
            else reject(new Error('no open deal with a plan'));
          };
        };
      }),
    XSS_NAME,
  );
  await page.reload();
  return { id };
}

/** Drags `from` onto `to` with the mouse, through a few intermediate moves as a hand would. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag or nowhere to drop');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

for (const lang of LANGS) {
  const text = TEXT[lang as Lang];

  test(`assign by dragging a person onto a task, with the mouse and the keyboard (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openApp(page, { lang, theme: 'light', route: '/deals' });
    await page.getByRole('button', { name: text.loadSample }).click();
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    const { id } = await prepare(page);
    await page.goto(`/#/deals/${id}/plan`);

    const toggle = page.getByRole('button', { name: text.people, exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const panel = page.getByTestId('people-panel');
    await expect(panel).toBeVisible();
    const targets = page.locator('[role="row"][data-drop-target]');
    await expect(targets.nth(2)).toBeVisible();

    // The person whose name is markup is listed, found by search, as text.
    await panel.getByLabel(text.search).fill('Drag');
    const marked = panel.locator('[data-person-id]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toContainText(XSS_NAME);
    await screenshot(page, 'assign-drag-panel');

    // Mouse: drop the person on the first task; the dialog has person, task and role filled in.
    const first = targets.nth(0);
    const firstName = (await first.locator('[role="gridcell"]').nth(2).innerText()).trim();
    await drag(page, marked, first);
    const dialog = page.getByRole('dialog', { name: text.assign });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(XSS_NAME);
    await expect(dialog).toContainText(firstName);
    await dialog.getByRole('spinbutton', { name: text.hours }).fill('12');
    await screenshot(page, 'assign-drag-dialog');
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.assigned).last()).toBeVisible();

    // Keyboard: Space picks the person up, ↓ ↓ chooses the second task, Space drops.
    await panel.getByLabel(text.search).fill('');
    const someone = panel.locator('[data-person-id]').first();
    const someoneName = (await someone.getAttribute('aria-label')) ?? '';
    const second = targets.nth(1);
    const secondName = (await second.locator('[role="gridcell"]').nth(2).innerText()).trim();
    await someone.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(first).toHaveAttribute('data-drop-over', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(second).toHaveAttribute('data-drop-over', 'true');
    await page.keyboard.press('Space');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(someoneName);
    await expect(dialog).toContainText(secondName);
    await dialog.getByRole('spinbutton', { name: text.hours }).fill('6');
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(dialog).toBeHidden();

    // Both assignments are on the deal's team.
    await page.goto(`/#/deals/${id}/team`);
    await expect(page.getByRole('cell', { name: XSS_NAME }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: someoneName }).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // Back on the plan the panel is still out; it closes from its own button too.
    await page.goto(`/#/deals/${id}/plan`);
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: text.hidePeople }).click();
    await expect(panel).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
}
