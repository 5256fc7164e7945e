import type { PursuitDatabase } from '@renderer/db/database';
import { watchTables } from '@renderer/db/mirror';
import type { MirroredTables } from '@renderer/db/mirror';
import { sharedWatch } from '@renderer/db/shared-watch';

/**
 * The pipeline's records kept in memory (`watchTables`): every deal, with the accounts, people,
 * sales processes and stages they point to. The portfolio's rows and the board both derive from
 * this one mirror, so a write to a deal (a drop on the board, an edit in the portfolio) reads
 * that deal back, not the whole portfolio, and switching between the two reads nothing.
 */

export const PIPELINE_TABLES = ['deals', 'accounts', 'people', 'salesProcesses', 'stages'] as const;
export type PipelineTable = (typeof PIPELINE_TABLES)[number];

export interface PipelineState {
  /** The records, once the first read is done (the same object each round). */
  readonly tables: MirroredTables<PipelineTable> | undefined;
  /** The last read's failure, until a read succeeds. */
  readonly error: unknown;
}

/**
 * How long the mirror stays after its last follower: opening a deal from the portfolio or the
 * board and coming back finds them current at once.
 */
const PIPELINE_LINGER_MS = 60_000;

const pipelineWatch = sharedWatch<PipelineState, 'pipeline'>((db, _key, set) => {
  let tables: MirroredTables<PipelineTable> | undefined;
  return watchTables(
    db,
    PIPELINE_TABLES,
    (mirror) => set({ tables: (tables = mirror), error: undefined }),
    (error) => set({ tables, error }),
  );
}, PIPELINE_LINGER_MS);

/**
 * Follows the pipeline mirror: `onChange` runs now if the records are in, and after each round
 * of changes. Returns the function that stops following.
 */
export function followPipeline(
  db: PursuitDatabase,
  onChange: (state: PipelineState) => void,
): () => void {
  const report = () => {
    const state = pipelineWatch.current(db, 'pipeline');
    if (state !== undefined) onChange(state);
  };
  const stop = pipelineWatch.follow(db, 'pipeline', report);
  report();
  return stop;
}
