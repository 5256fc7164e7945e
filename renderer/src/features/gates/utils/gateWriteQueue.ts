import type { Gate } from '@shared/domain/gate';
import type { GateId } from '@shared/domain/ids';
import { StaleRevisionError } from '@renderer/db/errors';

/** This window's latest own edits to a gate took it from revision `from` to `to`. */
interface OwnEdits {
  readonly from: number;
  readonly to: number;
}

const tails = new Map<GateId, Promise<unknown>>();
const ownEdits = new Map<GateId, OwnEdits>();

/**
 * Runs edits to one gate one after another, whichever view they come from. A note saved on blur
 * and the score clicked right after are both based on the revision on screen, so the second is
 * refused as stale although only this window wrote in between. When the stored revision is exactly
 * where this window's own edits since the one on screen left it, the edit is retried from there;
 * a change from anywhere else (another window, a restore) still makes it stale, as it should.
 */
export function queueGateWrite(gate: Gate, write: (rev: number) => Promise<Gate>): Promise<Gate> {
  const seen = gate.rev;
  /** Own edits made since `seen`, if the ones recorded start at or before it. */
  const ownSinceSeen = () => {
    const own = ownEdits.get(gate.id);
    return own !== undefined && seen >= own.from && seen < own.to ? own : undefined;
  };
  const run = (tails.get(gate.id) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() =>
      write(seen).catch((error: unknown) => {
        const own = ownSinceSeen();
        if (error instanceof StaleRevisionError && own !== undefined && error.actualRev === own.to)
          return write(own.to);
        throw error;
      }),
    )
    .then((saved) => {
      ownEdits.set(gate.id, { from: ownSinceSeen()?.from ?? seen, to: saved.rev });
      return saved;
    });
  tails.set(gate.id, run);
  return run;
}
