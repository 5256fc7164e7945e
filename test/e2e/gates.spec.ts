import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openApp, openAppWithSample, screenshot, test } from './fixtures';

/** The gates' strings in each language, as a user reads them. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    tab: '决策门',
    scoreOf: (criterion: string) => `${criterion}的评分`,
    noteOf: (criterion: string) => `${criterion}的说明`,
    statusOf: (element: string) => `${element}的状态`,
    evidenceOf: (element: string) => `${element}的证据`,
    elements: [
      '量化指标',
      '经济决策人',
      '决策标准',
      '决策流程',
      '签约流程',
      '识别痛点',
      '内部支持者',
      '竞争态势',
    ],
    confirmed: '已确认',
    partial: '部分确认',
    qualified: '合格',
    recommendedGo: '建议：投标',
    decision: '决策',
    go: '通过',
    decidedBy: '决策人',
    rationale: '决策理由',
    record: '记录决策',
    rationaleRequired: '请填写决策理由。',
    recorded: '已记录决策：通过。',
    decidedAt: '决策时间',
    addGate: '添加决策门',
    add: '添加',
    redName: '红队评审',
    reviewScore: '评审得分',
    comments: '评审意见',
    acceptable: '可接受',
    reviews: '颜色团队评审',
    average: '平均得分',
    scoreInvalid: '请输入 0 到 100 之间的整数。',
    settingsTitle: '投标/不投标评分卡',
    weightOf: (index: number) => `第 ${index} 项的权重`,
    labelEnOf: (index: number) => `第 ${index} 项的英文名称`,
    total: (total: number) => `权重合计：${total}`,
    save: '保存评估项',
    required: '必填。',
    saved: '评分卡评估项已保存，新开启的投标/不投标决策门将使用这些评估项。',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    tab: 'Gates',
    scoreOf: (criterion: string) => `Score for ${criterion}`,
    noteOf: (criterion: string) => `Note for ${criterion}`,
    statusOf: (element: string) => `Status of ${element}`,
    evidenceOf: (element: string) => `Evidence for ${element}`,
    elements: [
      'Metrics',
      'Economic buyer',
      'Decision criteria',
      'Decision process',
      'Paper process',
      'Identify pain',
      'Champion',
      'Competition',
    ],
    confirmed: 'Confirmed',
    partial: 'Partial',
    qualified: 'Qualified',
    recommendedGo: 'Recommended: go',
    decision: 'Decision',
    go: 'Go',
    decidedBy: 'Decided by',
    rationale: 'Rationale',
    record: 'Record decision',
    rationaleRequired: 'Give the rationale: a decision needs a reason.',
    recorded: 'Decision recorded: Go.',
    decidedAt: 'Decided on',
    addGate: 'Add gate',
    add: 'Add',
    redName: 'Red team review',
    reviewScore: 'Review score',
    comments: 'Comments',
    acceptable: 'Acceptable',
    reviews: 'Colour-team reviews',
    average: 'Average score',
    scoreInvalid: 'Enter a whole percentage from 0 to 100.',
    settingsTitle: 'Bid/no-bid scorecard',
    weightOf: (index: number) => `Weight of criterion ${index}`,
    labelEnOf: (index: number) => `English name of criterion ${index}`,
    total: (total: number) => `Total weight: ${total}`,
    save: 'Save criteria',
    required: 'Required.',
    saved: 'Scorecard criteria saved. New bid/no-bid gates use them.',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

interface QualifyDeal {
  dealId: string;
  gateName: string;
  /** The gate's criteria, named in the test's language. */
  criteria: string[];
}

/** An open deal in Qualify whose bid/no-bid gate still waits for a decision, from IndexedDB. */
function qualifyDeal(page: Page, lang: Lang): Promise<QualifyDeal> {
  return page.evaluate(
    (language) =>
      new Promise<QualifyDeal>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'stages', 'gates'], 'readonly');
          const deals = tx.objectStore('deals').getAll();
          const stages = tx.objectStore('stages').getAll();
          const gates = tx.objectStore('gates').getAll();
          tx.oncomplete = () => {
            db.close();
            type Row = Record<string, unknown>;
            const qualify = (stages.result as Row[]).find((s) => s.key === 'qualify');
            for (const deal of deals.result as Row[]) {
              if (deal.stageId !== qualify?.id || deal.status !== 'open' || deal.deletedAt)
                continue;
              const gate = (gates.result as Row[]).find(
                (g) =>
                  g.dealId === deal.id &&
                  g.kind === 'bid_no_bid' &&
                  g.decision === null &&
                  g.deletedAt === null,
              );
              if (!gate) continue;
              const scorecard = gate.scorecard as { label: { zh: string; en: string } }[];
              resolve({
                dealId: deal.id as string,
                gateName: gate.name as string,
                criteria: scorecard.map((c) => (language === 'zh-CN' ? c.label.zh : c.label.en)),
              });
              return;
            }
            reject(new Error('no open deal in Qualify with an undecided bid/no-bid gate'));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    lang,
  );
}

/** Picks `option` in the antd select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`bid/no-bid: score, qualify, decide; a red team review; text stays text (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

    const deal = await qualifyDeal(page, lang);
    await page.goto(`/#/deals/${deal.dealId}/gates`);
    await expect(page.getByRole('tab', { name: text.tab, selected: true })).toBeVisible();
    const gate = page.getByRole('region', { name: deal.gateName, exact: true });
    // The tab's code loads on first visit, then its gates: waited for, not slept on.
    await expect(gate).toBeVisible({ timeout: 30_000 });

    // Score every criterion 4 (75 %): the weighted score and its range follow each click.
    for (const criterion of deal.criteria) {
      const group = gate.getByRole('radiogroup', { name: text.scoreOf(criterion), exact: true });
      await group.getByText('4', { exact: true }).click();
      await expect(group.getByRole('radio', { name: '4' })).toBeChecked();
    }
    await expect(gate.getByTestId('weighted-score')).toHaveText('75%');
    const firstNote = gate.getByRole('textbox', { name: text.noteOf(deal.criteria[0] ?? '') });
    await firstNote.fill(`Reference site ${XSS}`);
    await firstNote.press('Enter');

    // MEDDPICC: every element confirmed, with evidence on one: qualified, so the card recommends go.
    for (const element of text.elements) {
      await choose(page, gate, text.statusOf(element), text.confirmed);
    }
    const evidence = gate.getByRole('textbox', { name: text.evidenceOf(text.elements[1] ?? '') });
    await evidence.fill(`CFO met twice ${XSS}`);
    await evidence.blur();
    await expect(gate.getByText(text.qualified, { exact: true })).toBeVisible();
    await expect(gate.getByText(text.recommendedGo)).toBeVisible();
    await screenshot(page, 'gates-bid-scored');

    // Decide: a rationale is required, then go is recorded with who and when.
    const form = gate.getByRole('form', { name: text.decision });
    await form.getByRole('radio', { name: text.go, exact: true }).check();
    await form.getByRole('button', { name: text.record }).click();
    await expect(form.getByText(text.rationaleRequired)).toBeVisible();
    await form.getByRole('combobox', { name: text.decidedBy }).click();
    const decider = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const deciderName = (await decider.innerText()).trim();
    await decider.click();
    await form.getByRole('textbox', { name: text.rationale }).fill(`Strong fit ${XSS}`);
    await form.getByRole('button', { name: text.record }).click();
    await expect(page.getByText(text.recorded)).toBeVisible();

    const decided = gate.getByRole('group', { name: text.decision });
    await expect(decided.getByText(text.go, { exact: true })).toBeVisible();
    await expect(decided.getByText(deciderName, { exact: true })).toBeVisible();
    await expect(decided.getByText(text.decidedAt)).toBeVisible();
    // The rationale, like the note and the evidence, is shown as typed: text, never markup.
    await expect(decided.getByText(`Strong fit ${XSS}`, { exact: true })).toBeVisible();
    await expect(gate.locator('img[src="x"]')).toHaveCount(0);
    await decided.scrollIntoViewIfNeeded();
    await screenshot(page, 'gates-bid-decided');

    // A red team review added by hand: scored, banded, summed up.
    await page.getByRole('button', { name: text.addGate }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: text.add, exact: true }).click();
    await expect(dialog).toBeHidden();
    const red = page.getByRole('region', { name: text.redName, exact: true });
    await expect(red).toBeVisible();
    const score = red.getByRole('textbox', { name: text.reviewScore });
    await score.fill('140');
    await score.blur();
    await expect(red.getByText(text.scoreInvalid)).toBeVisible();
    await score.fill('74');
    await score.press('Enter');
    await expect(red.getByText(text.acceptable, { exact: true })).toBeVisible();
    const comments = red.getByRole('textbox', { name: text.comments });
    await comments.fill(`Section 3 lacks proof points ${XSS}`);
    await comments.blur();
    const summary = page.locator('.ant-card').filter({ hasText: text.reviews });
    await expect(summary.getByText(text.average)).toBeVisible();
    await expect(summary.getByText('74%').first()).toBeVisible();
    await red.scrollIntoViewIfNeeded();
    await screenshot(page, 'gates-review');
    await page.getByRole('button', { name: text.addGate }).scrollIntoViewIfNeeded();
    await screenshot(page, 'gates');

    // Everything is still there after a reload; the decided gate now starts closed.
    await page.reload();
    await page.locator('.ant-collapse-header').filter({ hasText: deal.gateName }).click();
    await expect(gate.getByRole('group', { name: text.decision })).toBeVisible({ timeout: 30_000 });
    await expect(gate.getByTestId('weighted-score')).toHaveText('75%');
    await expect(
      gate.getByRole('textbox', { name: text.noteOf(deal.criteria[0] ?? '') }),
    ).toHaveValue(`Reference site ${XSS}`);
    await expect(red.getByRole('textbox', { name: text.comments })).toHaveValue(
      `Section 3 lacks proof points ${XSS}`,
    );
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test(`settings: bid/no-bid scorecard criteria (${lang})`, async ({ page }) => {
    await openApp(page, { lang, theme: 'light', route: '/settings' });
    const section = page.getByRole('region', { name: text.settingsTitle });
    // The first open of a fresh database writes its defaults before the sections can read them.
    await expect(section.getByText(text.total(100))).toBeVisible({ timeout: 30_000 });

    // Weights need not total 100: the total and each share follow the edit.
    await section.getByRole('spinbutton', { name: text.weightOf(1) }).fill('25');
    await expect(section.getByText(text.total(110))).toBeVisible();

    // A name left empty is refused where it is, and nothing is saved.
    await section.getByRole('textbox', { name: text.labelEnOf(2) }).fill(XSS);
    await section.getByRole('textbox', { name: text.labelEnOf(3) }).fill('');
    await section.getByRole('button', { name: text.save }).click();
    await expect(section.getByText(text.required)).toBeVisible();
    await screenshot(page, 'settings-scorecard-error');

    await section.getByRole('textbox', { name: text.labelEnOf(3) }).fill('Competitive position');
    await section.getByRole('button', { name: text.save }).click();
    await expect(page.getByText(text.saved)).toBeVisible();
    await page.reload();
    await expect(section.getByText(text.total(110))).toBeVisible({ timeout: 30_000 });
    await expect(section.getByRole('textbox', { name: text.labelEnOf(2) })).toHaveValue(XSS);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-scorecard');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
