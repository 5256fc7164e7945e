import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import {
  dragOnto,
  dropOver,
  expect,
  flowLangs,
  openAppWithSample,
  screenshot,
  test,
} from './fixtures';

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
    board: '看板',
    boardPanel: '把人员拖到商机上',
    boardSearch: '搜索编号、商机、客户、负责人或标签',
    task: '任务',
    overDeal: (name: string, code: string) => `${name} 位于商机 ${code}`,
    droppedOnDeal: (name: string, code: string) => `已把 ${name} 放到 ${code}`,
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
    board: 'Board',
    boardPanel: 'Drag a person onto a deal',
    boardSearch: 'Search code, deal, account, owner or tag',
    task: 'Task',
    overDeal: (name: string, code: string) => `${name} is over the deal ${code}`,
    droppedOnDeal: (name: string, code: string) => `${name} dropped on ${code}`,
  },
} as const;

const XSS_NAME = '<img src=x onerror="window.__xss=1"> Drag';

/**
 * An open sample deal with a plan, and a person added straight to the database whose name is
 * markup (the page is reloaded so the app reads it).
 */
async function prepare(page: Page): Promise<{ id: string; code: string }> {
  const { id, code } = await page.evaluate(
    (name) =>
      new Promise<{ id: string; code: string }>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'tasks', 'people'], 'readwrite');
          const deals = tx.objectStore('deals').getAll();
          const tasks = tx.objectStore('tasks').getAll();
          const people = tx.objectStore('people').getAll();
          let found: { id: string; code: string } | undefined;
          // Answered once the person is stored: a reload before the commit would abort it.
          tx.oncomplete = () => {
            db.close();
            if (found) resolve(found);
            else reject(new Error('no open deal with a plan'));
          };
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
            const deal = (
              deals.result as { id: string; code: string; status: string; deletedAt: unknown }[]
            )
              .filter((d) => d.status === 'open' && d.deletedAt === null)
              .find((d) => (leaves.get(d.id) ?? 0) >= 3);
            if (deal) found = { id: deal.id, code: deal.code };
          };
        };
      }),
    XSS_NAME,
  );
  await page.reload();
  return { id, code };
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang as Lang];

  test(`assign by dragging a person onto a task, with the mouse and the keyboard (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openAppWithSample(page, { lang, theme: 'light' });
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
    await dragOnto(page, marked, first, dropOver(first));
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
    // The Team tab reads the deal's plan and people first: slow on a busy machine.
    await expect(page.getByRole('cell', { name: XSS_NAME }).first()).toBeVisible({
      timeout: 30_000,
    });
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

for (const lang of flowLangs('en')) {
  const text = TEXT[lang as Lang];

  test(`assign by dragging a person onto a deal card on the board, mouse and keyboard (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    const { id, code } = await prepare(page);
    await page.goto('/#/board');
    await expect(page.locator('[data-deal-id]').first()).toBeVisible();

    // Only the deal's card on the board (the filters keep working with the panel out).
    await page.getByRole('searchbox', { name: text.boardSearch }).fill(code);
    const card = page.locator(`[data-deal-id="${id}"]`);
    await expect(card).toBeVisible();
    await expect(page.locator('[data-deal-id]')).toHaveCount(1);
    // No person drop target exists until a person is dragged.
    await expect(page.locator('[data-person-target]')).toHaveCount(0);

    const toggle = page.getByRole('button', { name: text.people, exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const panel = page.getByTestId('people-panel');
    await expect(panel).toContainText(text.boardPanel);
    await panel.getByLabel(text.search).fill('Drag');
    const marked = panel.locator('[data-person-id]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toContainText(XSS_NAME);
    await screenshot(page, 'board-people-panel');

    // Mouse: drop the person on the card; the dialog offers the deal's tasks, person filled in.
    await dragOnto(page, marked, card, card.locator('[data-person-over]'));
    const dialog = page.getByRole('dialog', { name: text.assign });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(XSS_NAME);
    const taskSelect = dialog.getByRole('combobox', { name: text.task });
    await taskSelect.click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // Only work can be chosen: at least the deal's three leaf tasks, no summary nor milestone.
    expect(await options.count()).toBeGreaterThanOrEqual(3);
    await options.first().click();
    await dialog.getByRole('spinbutton', { name: text.hours }).fill('8');
    await screenshot(page, 'board-assign-dialog');
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.assigned).last()).toBeVisible();

    // Keyboard: Space picks someone up, an arrow goes to the card (announced), Space drops.
    await panel.getByLabel(text.search).fill('');
    const someone = panel.locator('[data-person-id]').first();
    const someoneName = (await someone.getAttribute('aria-label')) ?? '';
    await someone.focus();
    await page.keyboard.press('Space');
    // The card takes a person from the moment one is picked up.
    await expect(page.locator('[data-person-target]')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(card.locator('[data-person-over]')).toBeVisible();
    const live = page.locator('[id^="DndLiveRegion"]');
    await expect(live).toContainText(text.overDeal(someoneName, code));
    await page.keyboard.press('Space');
    await expect(live).toContainText(text.droppedOnDeal(someoneName, code));
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(someoneName);
    await taskSelect.click();
    await options.nth(1).click();
    await dialog.getByRole('spinbutton', { name: text.hours }).fill('4');
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(dialog).toBeHidden();
    // The drop targets are gone with the drag.
    await expect(page.locator('[data-person-target]')).toHaveCount(0);

    // Both are on the deal's team; the markup name was text everywhere.
    await page.goto(`/#/deals/${id}/team`);
    // The Team tab reads the deal's plan and people first: slow on a busy machine.
    await expect(page.getByRole('cell', { name: XSS_NAME }).first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('cell', { name: someoneName }).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
