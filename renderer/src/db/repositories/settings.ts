import type { Settings, Thresholds } from '@shared/domain/settings';
import { settingsId } from '@shared/domain/settings';
import type { CriterionDraft, CriterionIssue } from '@shared/pipeline/gate-edit';
import { checkScorecardCriteria, finalizeCriteria } from '@shared/pipeline/gate-edit';
import { inLocale } from '@shared/pipeline/labels';
import type { PursuitDatabase } from '@renderer/db/database';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

/** The edited criteria have problems (see `checkScorecardCriteria`); nothing was written. */
export class ScorecardCriteriaError extends Error {
  override readonly name = 'ScorecardCriteriaError';
  constructor(readonly issues: readonly CriterionIssue[]) {
    super(
      `The scorecard criteria were not saved: ${issues
        .map(
          (issue) =>
            `${issue.index === null ? '' : `${issue.index + 1}.`}${issue.field} ${issue.problem}`,
        )
        .join(', ')}`,
    );
  }
}

const SCORECARD_NAME = { zh: '投标/不投标评分卡', en: 'Bid/no-bid scorecard' };

/**
 * Replaces the bid/no-bid scorecard criteria that new bid/no-bid gates copy. Gates already open
 * keep the criteria they were opened with, so a gate's score never changes under it. Revision
 * checked against the settings the user edited; the change goes in the portfolio's trail (no deal)
 * and can be undone.
 */
export function updateBidScorecard(
  db: PursuitDatabase,
  env: WriteEnv,
  expectedRev: number,
  drafts: readonly CriterionDraft[],
): Promise<Settings> {
  const issues = checkScorecardCriteria(drafts);
  if (issues.length > 0) return Promise.reject(new ScorecardCriteriaError(issues));
  const bidScorecard = finalizeCriteria(drafts);
  return runWrite(
    db,
    env,
    ['settings'],
    async (writer) => {
      const settings = await writer.require('settings', settingsId);
      const name = inLocale(SCORECARD_NAME, settings.locale);
      writer.subject = name;
      return writer.update('settings', settingsId, expectedRev, { bidScorecard }, name);
    },
    { undoAction: 'update' },
  );
}

const THRESHOLDS_NAME = { zh: '预警阈值', en: 'Warnings and thresholds' };

/**
 * Saves some settings fields made on revision `expectedRev`, validated by the settings schema, in
 * the portfolio's trail under `label` (in the settings' language); undoable.
 */
function updateSettingsFields(
  db: PursuitDatabase,
  env: WriteEnv,
  expectedRev: number,
  patch: Partial<Settings>,
  label: { zh: string; en: string },
): Promise<Settings> {
  return runWrite(
    db,
    env,
    ['settings'],
    async (writer) => {
      const settings = await writer.require('settings', settingsId);
      const name = inLocale(label, settings.locale);
      writer.subject = name;
      return writer.update('settings', settingsId, expectedRev, patch, name);
    },
    { undoAction: 'update' },
  );
}

/**
 * Saves the warning thresholds (budget, cost of sale, staleness…), validated by the settings
 * schema, made on revision `expectedRev`. In the portfolio's trail; undoable.
 */
export function updateThresholds(
  db: PursuitDatabase,
  env: WriteEnv,
  expectedRev: number,
  thresholds: Thresholds,
): Promise<Settings> {
  return updateSettingsFields(db, env, expectedRev, { thresholds }, THRESHOLDS_NAME);
}

const COMPANY_HEADER_NAME = { zh: '单据抬头', en: 'Company on documents' };

/**
 * Saves the company's name and address that head quote documents, made on revision
 * `expectedRev` (validated by the settings schema). In the portfolio's trail; undoable.
 */
export function updateCompanyHeader(
  db: PursuitDatabase,
  env: WriteEnv,
  expectedRev: number,
  header: Pick<Settings, 'companyName' | 'companyAddress'>,
): Promise<Settings> {
  return updateSettingsFields(
    db,
    env,
    expectedRev,
    { companyName: header.companyName, companyAddress: header.companyAddress },
    COMPANY_HEADER_NAME,
  );
}
