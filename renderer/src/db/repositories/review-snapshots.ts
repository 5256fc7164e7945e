import type { PlanDate } from '@shared/domain/dates';
import type { CurrencyCode } from '@shared/domain/money';
import type { ReviewSnapshot, SnapshotDeal } from '@shared/domain/review-snapshot';
import type { PursuitDatabase } from '@renderer/db/database';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

export interface StartReviewInput {
  readonly name: string;
  /** The day of the review in the user's time zone. */
  readonly takenOn: PlanDate;
  readonly baseCurrency: CurrencyCode;
  /** Every live deal's figures, from `snapshotDeals`. */
  readonly deals: readonly SnapshotDeal[];
}

/**
 * "Start review": stores the portfolio's key figures under a name and date, as one undoable write
 * with its entry in the portfolio's trail. The figures are validated like every record.
 */
export async function startReview(
  db: PursuitDatabase,
  env: WriteEnv,
  input: StartReviewInput,
): Promise<ReviewSnapshot> {
  return runWrite(
    db,
    env,
    ['reviewSnapshots'],
    async (writer) => {
      const name = input.name.trim();
      writer.subject = name;
      return writer.insert(
        'reviewSnapshots',
        {
          name,
          takenAt: writer.at,
          takenOn: input.takenOn,
          takenBy: env.actorId,
          baseCurrency: input.baseCurrency,
          deals: [...input.deals],
        },
        name,
      );
    },
    { undoAction: 'create' },
  );
}
