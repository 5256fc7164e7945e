import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test, waitForArea } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    deals: '商机',
    timelineNav: '时间线',
    allScope: '全部',
    sampleCount: '显示 25 / 25 个商机',
    shown: /显示 (\d+) \/ (\d+) 个进行中的商机/,
    search: '搜索编号、商机、客户或负责人',
    byStage: '按阶段',
    byOwner: '按负责人',
    quarters: '季度',
    stageNames: /^收起 (识别|资格评估|商机捕获|标书编制|已递交|商务谈判) 的商机$/,
    hideGroup: /^收起 .+ 的商机$/,
    exportAll: '导出日历（.ics）',
    rowMenu: (code: string) => `${code} 的操作`,
    exportDeal: '导出里程碑（.ics）',
    tab: '标书文件',
    add: '添加文件',
    name: '名称',
    owner: '负责人',
    save: '添加文件',
    reviewsOf: (name: string) => `${name} 的评审记录`,
    addRound: '添加评审',
    comment: (n: number) => `意见 ${n}`,
    addComment: '添加意见',
    recordRound: '记录评审',
    resolved: (text: string) => `已关闭：${text}`,
    openOfTotal: '2 条意见中 1 条未关闭',
    myNav: '我的标书文件',
    person: '查看谁的文件',
    oneOpen: '1 条评审意见未关闭',
    openDeal: (code: string) => `打开 ${code} 的标书文件`,
  },
  en: {
    loadSample: 'Load sample portfolio',
    deals: 'Deals',
    timelineNav: 'Timeline',
    allScope: 'All',
    sampleCount: '25 of 25 deals',
    shown: /(\d+) of (\d+) open deals/,
    search: 'Search code, deal, account or owner',
    byStage: 'Stage',
    byOwner: 'Owner',
    quarters: 'Quarters',
    stageNames: /^Hide the deals of (Identify|Qualify|Capture|Proposal|Submitted|Negotiation)$/,
    hideGroup: /^Hide the deals of .+$/,
    exportAll: 'Export calendar (.ics)',
    rowMenu: (code: string) => `Actions for ${code}`,
    exportDeal: 'Export milestones (.ics)',
    tab: 'Deliverables',
    add: 'Add deliverable',
    name: 'Name',
    owner: 'Owner',
    save: 'Add deliverable',
    reviewsOf: (name: string) => `Review rounds of ${name}`,
    addRound: 'Add review round',
    comment: (n: number) => `Comment ${n}`,
    addComment: 'Add comment',
    recordRound: 'Record review',
    resolved: (text: string) => `Resolved: ${text}`,
    openOfTotal: '1 of 2 comments open',
    myNav: 'My deliverables',
    person: 'Whose deliverables',
    oneOpen: '1 open review comment',
    openDeal: (code: string) => `Open the deliverables of ${code}`,
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

async function loadSample(page: Page, lang: Lang) {
  await openAppWithSample(page, { lang, theme: 'light' });
  await expect(page.getByText(TEXT[lang].sampleCount)).toBeVisible({ timeout: 30_000 });
}

async function openTimeline(page: Page) {
  await page.goto('/#/timeline');
  await waitForArea(page);
  await expect(page.locator('[data-timeline-bar]').first()).toBeVisible();
}

const bars = (page: Page) => page.locator('[data-timeline-bar]');
const xssRan = (page: Page) => page.evaluate(() => (window as { __xss?: number }).__xss);

/** Unfolds an iCalendar file's lines (RFC 5545 §3.1). */
const unfold = (text: string) => text.replace(/\r\n /g, '');

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`timeline: bars, grouping, filter, open a deal, calendar export (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await loadSample(page, lang);
    await openTimeline(page);

    // Every open deal has a bar: the count line says how many, and all fit on this screen.
    const shown = page.getByText(text.shown);
    const [, visible, total] = text.shown.exec((await shown.textContent()) ?? '') ?? [];
    expect(Number(total)).toBeGreaterThan(5);
    expect(visible).toBe(total);
    await expect(bars(page)).toHaveCount(Number(total));
    // Slipping deals are marked (the sample has some).
    await expect(
      page.getByRole('img', { name: lang === 'en' ? 'Slipping' : '延误' }).first(),
    ).toBeVisible();
    await screenshot(page, 'timeline');

    // Group by stage: the group headers are the stages of open deals.
    await page.getByTitle(text.byStage, { exact: true }).click();
    const groups = page.getByRole('button', { name: text.hideGroup });
    await expect(groups.first()).toHaveAccessibleName(text.stageNames);
    for (const name of await groups.evaluateAll((els) => els.map((el) => el.ariaLabel ?? ''))) {
      expect(name).toMatch(text.stageNames);
    }
    // Collapsing a group hides its bars.
    const before = await bars(page).count();
    await groups.first().click();
    expect(await bars(page).count()).toBeLessThan(before);
    await page.getByTitle(text.quarters, { exact: true }).click();
    await screenshot(page, 'timeline-by-stage');
    // To Deals and back by the navigation: still by stage, in quarters.
    await page.getByRole('menuitem', { name: text.deals, exact: true }).click();
    await expect(page.getByText(text.sampleCount)).toBeVisible();
    await page.getByRole('menuitem', { name: text.timelineNav, exact: true }).click();
    await expect(groups.first()).toHaveAccessibleName(text.stageNames);
    await expect(page.getByRole('radio', { name: text.quarters, exact: true })).toBeChecked();
    await screenshot(page, 'timeline-by-stage-kept');
    await page.getByTitle(text.byOwner, { exact: true }).click();
    await expect(bars(page)).toHaveCount(Number(total));

    // Filter by a deal's code: one bar is left.
    const firstBar = bars(page).first();
    const href = (await firstBar.getAttribute('href')) ?? '';
    const dealId = /#\/deals\/([^/]+)\/plan/.exec(href)?.[1] ?? '';
    const code = ((await firstBar.getAttribute('aria-label')) ?? '').split(' ')[0] ?? '';
    expect(dealId).not.toBe('');
    await page.getByRole('searchbox', { name: text.search }).fill(code);
    await expect(bars(page)).toHaveCount(1);
    await expect(page.getByText(text.shown)).toContainText(`1`);
    // To Deals and back by the navigation: the search is kept.
    await page.getByRole('menuitem', { name: text.deals, exact: true }).click();
    await expect(page.getByText(text.sampleCount)).toBeVisible();
    await page.getByRole('menuitem', { name: text.timelineNav, exact: true }).click();
    await expect(page.getByRole('searchbox', { name: text.search })).toHaveValue(code);
    await expect(bars(page)).toHaveCount(1);

    // The deal's menu exports its milestones as an .ics file.
    const dealDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: text.rowMenu(code) }).click();
    await page.getByRole('menuitem', { name: text.exportDeal }).click();
    const dealFile = await dealDownload;
    expect(dealFile.suggestedFilename()).toMatch(
      new RegExp(`^${code}-milestones-\\d{4}-\\d{2}-\\d{2}\\.ics$`),
    );
    const dealIcs = readFileSync(await dealFile.path(), 'utf8');
    const dealEvents = unfold(dealIcs)
      .split('\r\n')
      .filter((line) => line.startsWith('SUMMARY:'));
    expect(dealEvents.length).toBeGreaterThan(0);
    for (const summary of dealEvents) expect(summary.startsWith(`SUMMARY:${code} · `)).toBe(true);

    // The portfolio export holds the milestones of every deal shown.
    await page.getByRole('searchbox', { name: text.search }).fill('');
    await expect(bars(page)).toHaveCount(Number(total));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: text.exportAll }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^pursuit-milestones-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = readFileSync(await file.path(), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const lines = unfold(ics).split('\r\n');
    const events = lines.filter((line) => line === 'BEGIN:VEVENT').length;
    expect(events).toBeGreaterThan(dealEvents.length);
    expect(lines.filter((line) => line.startsWith('DTSTART;VALUE=DATE:'))).toHaveLength(events);
    expect(new Set(lines.filter((line) => line.startsWith('UID:'))).size).toBe(events);
    expect(lines.some((line) => line.startsWith(`SUMMARY:${code} · `))).toBe(true);

    // Clicking a bar opens that deal's plan.
    await page.locator(`[data-timeline-bar][href="${href}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#/deals/${dealId}/plan$`));
  });

  test(`deliverables: add with a review round, resolve a comment, my deliverables (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await loadSample(page, lang);
    await openTimeline(page);
    const firstBar = bars(page).first();
    const dealId = /#\/deals\/([^/]+)\/plan/.exec((await firstBar.getAttribute('href')) ?? '')?.[1];
    const code = ((await firstBar.getAttribute('aria-label')) ?? '').split(' ')[0] ?? '';

    await page.goto(`/#/deals/${dealId}/deliverables`);
    await waitForArea(page);
    await expect(page.getByRole('tab', { name: text.tab, selected: true })).toBeVisible();

    // Add a deliverable whose name is markup: it must show as text.
    const name = `Volume ${XSS}`;
    await page.getByRole('button', { name: text.add }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(text.name, { exact: true }).fill(name);
    await drawer.getByLabel(text.owner, { exact: true }).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const ownerName = (await option.textContent()) ?? '';
    await option.click();
    await drawer.getByRole('button', { name: text.save }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(name, { exact: true })).toBeVisible();

    // Record a review round with two comments, one of them markup as well.
    await page.getByRole('button', { name: text.reviewsOf(name) }).click();
    await page.getByRole('button', { name: text.addRound }).click();
    const roundDrawer = page.getByRole('dialog');
    const comment = `Fix ${XSS} in 2.1`;
    await roundDrawer.getByRole('textbox', { name: text.comment(1), exact: true }).fill(comment);
    await roundDrawer.getByRole('button', { name: text.addComment }).click();
    await roundDrawer
      .getByRole('textbox', { name: text.comment(2), exact: true })
      .fill('Add a reference project');
    await roundDrawer.getByRole('button', { name: text.recordRound }).click();
    await expect(roundDrawer).toBeHidden();
    await expect(page.getByText(comment, { exact: true })).toBeVisible();

    // Mark the first comment resolved.
    const resolve = page.getByRole('checkbox', { name: text.resolved(comment) });
    await resolve.click();
    await expect(resolve).toBeChecked();
    await expect(page.getByText(text.openOfTotal)).toBeVisible();
    await screenshot(page, 'deliverables');
    expect(await xssRan(page)).toBeUndefined();

    // My deliverables, for the owner chosen: the new document is there with its open comment.
    await page.getByRole('menuitem', { name: text.myNav }).click();
    await waitForArea(page);
    await page.getByLabel(text.person).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: ownerName })
      .first()
      .click();
    const row = page.locator('.ant-table-row').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row.getByText(text.oneOpen)).toBeVisible();
    await screenshot(page, 'my-deliverables');

    // All of them, not only the open ones; to Deals and back by the navigation: the same person
    // and scope.
    await page.getByText(text.allScope, { exact: true }).click();
    await expect(page.getByRole('radio', { name: text.allScope, exact: true })).toBeChecked();
    await page.getByRole('menuitem', { name: text.deals, exact: true }).click();
    await expect(page.getByText(text.sampleCount)).toBeVisible();
    await page.getByRole('menuitem', { name: text.myNav, exact: true }).click();
    await expect(page.getByRole('radio', { name: text.allScope, exact: true })).toBeChecked();
    await expect(page.getByLabel(text.person).locator('xpath=..')).toHaveAttribute(
      'title',
      ownerName,
    );
    await expect(row.getByText(text.oneOpen)).toBeVisible();
    await screenshot(page, 'my-deliverables-kept');
    expect(await xssRan(page)).toBeUndefined();

    // Its deal link opens the deal's deliverables.
    await row.getByRole('link', { name: text.openDeal(code) }).click();
    await expect(page).toHaveURL(new RegExp(`#/deals/${dealId}/deliverables$`));
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    expect(await xssRan(page)).toBeUndefined();
  });
}
