import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import {
  dragOnto,
  dropOver,
  expect,
  flowLangs,
  openApp,
  openAppWithSample,
  screenshot,
  test,
} from './fixtures';

/** The board's strings in each language, as a user reads them. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    board: '看板',
    deals: '商机',
    stages: {
      identify: '识别',
      qualify: '资格评估',
      capture: '商机捕获',
      proposal: '标书编制',
      lost: '丢单',
    },
    count: /(\d+) 个商机/,
    skipTitle: '跳过退出标准？',
    skipOk: '仍然移动',
    skipCancel: '取消',
    moved: (code: string, stage: string) => `${code} 已移至“${stage}”`,
    closed: (code: string, stage: string) => `${code} 已关闭为“${stage}”`,
    undo: '撤销',
    over: (stage: string) => `位于“${stage}”上方`,
    closeOk: '关闭商机',
    reasonRequired: '请选择导致此结果的主要原因。',
    reason: '原因',
    price: '价格',
    note: '说明',
    search: '搜索编号、商机、客户、负责人或标签',
    newDeal: '新建商机',
    create: '创建商机',
    name: '商机名称',
    account: '客户',
    owner: '负责人',
    value: '金额',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    board: 'Board',
    deals: 'Deals',
    stages: {
      identify: 'Identify',
      qualify: 'Qualify',
      capture: 'Capture',
      proposal: 'Proposal',
      lost: 'Lost',
    },
    count: /(\d+) deals?/,
    skipTitle: 'Skip exit criteria?',
    skipOk: 'Move anyway',
    skipCancel: 'Cancel',
    moved: (code: string, stage: string) => `${code} moved to ${stage}`,
    closed: (code: string, stage: string) => `${code} closed as ${stage}`,
    undo: 'Undo',
    over: (stage: string) => `is over ${stage}`,
    closeOk: 'Close deal',
    reasonRequired: 'Choose the main reason for this outcome.',
    reason: 'Reason',
    price: 'Price',
    note: 'Note',
    search: 'Search code, deal, account, owner or tag',
    newDeal: 'New deal',
    create: 'Create deal',
    name: 'Deal name',
    account: 'Account',
    owner: 'Owner',
    value: 'Value',
  },
} as const;

type StageKey = keyof (typeof TEXT)['en']['stages'];

const XSS = '<img src=x onerror="window.__xss=1">';

/** Opens the app on the Deals page, loads the sample portfolio and goes to the board. */
async function openBoardWithSample(page: Page, lang: Lang, theme: 'light' | 'dark' = 'light') {
  const text = TEXT[lang];
  await openAppWithSample(page, { lang, theme });
  // Loading writes the whole sample in one transaction; give a busy machine time for it.
  await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('menuitem', { name: text.board, exact: true }).click();
  await expect(page.locator('[data-deal-id]').first()).toBeVisible();
}

function column(page: Page, lang: Lang, stage: StageKey): Locator {
  return page.getByRole('region', { name: TEXT[lang].stages[stage], exact: true });
}

/** The deal count and the totals a column's header shows. */
async function header(page: Page, lang: Lang, stage: StageKey) {
  const text = await column(page, lang, stage).locator('header').innerText();
  const count = TEXT[lang].count.exec(text);
  return { count: Number(count?.[1] ?? Number.NaN), text };
}

async function expectCount(page: Page, lang: Lang, stage: StageKey, count: number) {
  await expect.poll(async () => (await header(page, lang, stage)).count).toBe(count);
}

/** The first card of a column: its deal id and code. */
async function firstCard(page: Page, lang: Lang, stage: StageKey) {
  const card = column(page, lang, stage).locator('[data-deal-id]').first();
  const id = (await card.getAttribute('data-deal-id')) ?? '';
  const code = (await card.innerText()).split('\n')[0]?.trim() ?? '';
  return { card, id, code };
}

interface StoredDeal {
  stageKey: string;
  status: string;
  rev: number;
  outcomeReason: string | null;
  outcomeNote: string;
  outcomeDate: string | null;
  checkedExitCriteria: string[];
  milestones: { stageKey: string | null; name: string }[];
  /** Oldest first. */
  moves: { summary: string; details: string }[];
}

/** A deal as stored in the page's IndexedDB, with its milestones and its stage-move trail. */
function storedDeal(page: Page, dealId: string): Promise<StoredDeal> {
  return page.evaluate(
    (id) =>
      new Promise<StoredDeal>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'stages', 'milestones', 'activities'], 'readonly');
          const all = (name: string) =>
            new Promise<Record<string, unknown>[]>((done, fail) => {
              const request = tx.objectStore(name).getAll();
              request.onsuccess = () => done(request.result as Record<string, unknown>[]);
              request.onerror = () => fail(request.error);
            });
          void Promise.all([all('deals'), all('stages'), all('milestones'), all('activities')])
            .then(([deals, stages, milestones, activities]) => {
              db.close();
              const keyOf = (stageId: unknown) =>
                (stages.find((s) => s.id === stageId)?.key as string | undefined) ?? null;
              const deal = deals.find((d) => d.id === id);
              if (!deal) throw new Error(`no deal ${id}`);
              resolve({
                stageKey: keyOf(deal.stageId) ?? '',
                status: deal.status as string,
                rev: deal.rev as number,
                outcomeReason: deal.outcomeReason as string | null,
                outcomeNote: deal.outcomeNote as string,
                outcomeDate: deal.outcomeDate as string | null,
                checkedExitCriteria: deal.checkedExitCriteria as string[],
                milestones: milestones
                  .filter((m) => m.dealId === id && m.deletedAt === null)
                  .map((m) => ({ stageKey: keyOf(m.stageId), name: m.name as string })),
                moves: activities
                  .filter(
                    (a) =>
                      a.dealId === id &&
                      (a.system as { action?: string } | null)?.action === 'stage_move',
                  )
                  .sort((a, b) => (a.at as number) - (b.at as number))
                  .map((a) => ({ summary: a.summary as string, details: a.details as string })),
              });
            })
            .catch(reject);
        };
      }),
    dealId,
  );
}

/** The labels, in `lang`, of a stage's exit criteria the deal has not checked. */
function uncheckedCriteria(page: Page, lang: Lang, dealId: string, stageKey: string) {
  return page.evaluate(
    ([id, key, language]) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'stages'], 'readonly');
          const deal = tx.objectStore('deals').get(id);
          const stages = tx.objectStore('stages').getAll();
          tx.oncomplete = () => {
            db.close();
            const checked = new Set<string>(deal.result.checkedExitCriteria);
            const stage = (
              stages.result as {
                key: string;
                exitCriteria: { key: string; label: { zh: string; en: string } }[];
              }[]
            ).find((s) => s.key === key);
            resolve(
              (stage?.exitCriteria ?? [])
                .filter((c) => !checked.has(c.key))
                .map((c) => (language === 'zh-CN' ? c.label.zh : c.label.en)),
            );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [dealId, stageKey, lang] as const,
  );
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`drag a card to the next stage: skip confirmation, totals, milestones, trail, undo (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openBoardWithSample(page, lang);
    await screenshot(page, 'board');

    const before = {
      identify: await header(page, lang, 'identify'),
      qualify: await header(page, lang, 'qualify'),
    };
    const { card, id, code } = await firstCard(page, lang, 'identify');
    const unchecked = await uncheckedCriteria(page, lang, id, 'identify');
    expect(unchecked.length).toBeGreaterThan(0);
    const stored = await storedDeal(page, id);

    const qualify = column(page, lang, 'qualify');
    await dragOnto(page, card, qualify, dropOver(qualify));

    // Passing unchecked exit criteria asks first, naming each one; meanwhile the card already
    // shows in the column it was dropped on.
    const confirm = page.getByRole('dialog').filter({ hasText: text.skipTitle });
    await expect(confirm).toBeVisible();
    for (const label of unchecked) await expect(confirm.getByText(label)).toBeVisible();
    await expect(column(page, lang, 'qualify').locator(`[data-deal-id="${id}"]`)).toBeVisible();
    await screenshot(page, 'board-skip-confirmation');
    await confirm.getByRole('button', { name: text.skipOk }).click();

    await expect(
      page.getByText(text.moved(code, text.stages.qualify), { exact: false }),
    ).toBeVisible();
    await expectCount(page, lang, 'identify', before.identify.count - 1);
    await expectCount(page, lang, 'qualify', before.qualify.count + 1);
    const after = {
      identify: await header(page, lang, 'identify'),
      qualify: await header(page, lang, 'qualify'),
    };
    expect(after.identify.text).not.toBe(before.identify.text);
    expect(after.qualify.text).not.toBe(before.qualify.text);

    // Stored: the new stage, the Qualify milestones, and the move with the skipped criteria.
    const moved = await storedDeal(page, id);
    expect(moved.stageKey).toBe('qualify');
    expect(moved.rev).toBe(stored.rev + 1);
    expect(moved.milestones.filter((m) => m.stageKey === 'qualify').length).toBeGreaterThan(
      stored.milestones.filter((m) => m.stageKey === 'qualify').length,
    );
    const move = moved.moves.at(-1);
    expect(move?.summary).toContain(`${text.stages.identify} → ${text.stages.qualify}`);
    for (const label of unchecked) expect(move?.details).toContain(label);
    await screenshot(page, 'board-moved');

    // Undo from the message: the deal goes back, the added milestones go away.
    await page.getByRole('button', { name: text.undo }).click();
    await expectCount(page, lang, 'identify', before.identify.count);
    await expectCount(page, lang, 'qualify', before.qualify.count);
    const undone = await storedDeal(page, id);
    expect(undone.stageKey).toBe('identify');
    expect(undone.milestones).toHaveLength(stored.milestones.length);

    // A click (no drag) opens the deal.
    await column(page, lang, 'identify').locator(`[data-deal-id="${id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#/deals/${id}$`));
  });

  test(`move cards with the keyboard; cancel a skip and the card goes back (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openBoardWithSample(page, lang);
    const counts = {
      qualify: (await header(page, lang, 'qualify')).count,
      capture: (await header(page, lang, 'capture')).count,
      proposal: (await header(page, lang, 'proposal')).count,
    };
    const { card, id, code } = await firstCard(page, lang, 'capture');
    const stored = await storedDeal(page, id);

    // Back one stage: Space picks the card up, ← moves it, Space drops it. Nothing is skipped.
    await card.focus();
    await page.keyboard.press('Space');
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText(text.over(text.stages.qualify), { exact: false })).toBeAttached();
    await page.keyboard.press('Space');
    await expect(
      page.getByText(text.moved(code, text.stages.qualify), { exact: false }),
    ).toBeVisible();
    await expectCount(page, lang, 'qualify', counts.qualify + 1);
    await expectCount(page, lang, 'capture', counts.capture - 1);
    const back = await storedDeal(page, id);
    expect(back.stageKey).toBe('qualify');
    expect(back.moves.at(-1)?.summary).toContain(`${text.stages.capture} → ${text.stages.qualify}`);

    // Forward two stages past unchecked criteria, then cancel: the card returns, nothing is written.
    const moved = column(page, lang, 'qualify').locator(`[data-deal-id="${id}"]`);
    await moved.focus();
    await page.keyboard.press('Space');
    await expect(moved).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(text.over(text.stages.capture), { exact: false })).toBeAttached();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(text.over(text.stages.proposal), { exact: false })).toBeAttached();
    await page.keyboard.press('Space');
    const confirm = page.getByRole('dialog').filter({ hasText: text.skipTitle });
    await expect(confirm).toBeVisible();
    await expect(column(page, lang, 'proposal').locator(`[data-deal-id="${id}"]`)).toBeVisible();
    await confirm.getByRole('button', { name: text.skipCancel }).click();
    await expect(confirm).toBeHidden();
    await expect(column(page, lang, 'qualify').locator(`[data-deal-id="${id}"]`)).toBeVisible();
    await expectCount(page, lang, 'proposal', counts.proposal);
    expect((await storedDeal(page, id)).rev).toBe(stored.rev + 1);

    // Enter on a focused card opens the deal.
    await moved.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/deals/${id}$`));
  });

  test(`close a deal as lost with a reason (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openBoardWithSample(page, lang);
    const proposal = (await header(page, lang, 'proposal')).count;
    const { card, id, code } = await firstCard(page, lang, 'proposal');

    const lost = page.getByRole('region', { name: text.stages.lost, exact: true });
    await dragOnto(page, card, lost, dropOver(lost));
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Nothing is written until the reason is given.
    await dialog.getByRole('button', { name: text.closeOk }).click();
    await expect(dialog.getByText(text.reasonRequired)).toBeVisible();
    await screenshot(page, 'board-close-lost');
    expect((await storedDeal(page, id)).status).toBe('open');

    await dialog.getByLabel(text.reason, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${text.price}$`) })
      .click();
    await dialog.getByLabel(text.note, { exact: true }).fill(`Debrief ${XSS}`);
    await dialog.getByRole('button', { name: text.closeOk }).click();
    await expect(dialog).toBeHidden();

    await expect(
      page.getByText(text.closed(code, text.stages.lost), { exact: false }),
    ).toBeVisible();
    await expectCount(page, lang, 'proposal', proposal - 1);
    await expect(page.locator(`[data-deal-id="${id}"]`)).toHaveCount(0);
    const closed = await storedDeal(page, id);
    expect(closed).toMatchObject({
      stageKey: 'lost',
      status: 'lost',
      outcomeReason: 'price',
      outcomeNote: `Debrief ${XSS}`,
    });
    expect(closed.outcomeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(closed.moves.at(-1)?.details).toContain(text.price);
  });
}

test('a deal name with markup shows as text on its card; the dark board', async ({ page }) => {
  test.setTimeout(120_000);
  const text = TEXT.en;
  await openAppWithSample(page, { lang: 'en', theme: 'dark' });
  await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: text.newDeal }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.name, { exact: true }).fill(`E2E ${XSS}`);
  await drawer.getByLabel(text.value, { exact: true }).fill('1250000');
  await drawer.getByLabel(text.account, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await drawer.getByLabel(text.owner, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await drawer.getByRole('button', { name: text.create }).click();
  await expect(drawer).toBeHidden();

  await page.getByRole('menuitem', { name: text.board, exact: true }).click();
  await expect(page.locator('[data-deal-id]').first()).toBeVisible();
  await screenshot(page, 'board');

  await page.getByRole('searchbox', { name: text.search }).fill('E2E');
  const cards = page.locator('[data-deal-id]');
  await expect(cards).toHaveCount(1);
  await expect(column(page, 'en', 'identify').getByText(`E2E ${XSS}`)).toBeVisible();
  await expect(cards.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await screenshot(page, 'board-filtered');
});

test('an empty board points to the Deals page', async ({ page }) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/board' });
  await expect(page.getByText('No open deals')).toBeVisible();
  await screenshot(page, 'board-empty');
  await page.getByRole('button', { name: 'Go to Deals' }).click();
  await expect(page.getByRole('button', { name: TEXT.en.loadSample })).toBeVisible();
});
