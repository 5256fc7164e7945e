import type { PlanDate } from '@shared/domain/dates';
import type {
  Gate,
  GateDecision,
  GateKind,
  MeddpiccElement,
  MeddpiccStatus,
} from '@shared/domain/gate';
import type { DealId, GateId, PersonId } from '@shared/domain/ids';
import type { Settings } from '@shared/domain/settings';
import { settingsId } from '@shared/domain/settings';
import type { DecisionProblem } from '@shared/pipeline/gate-edit';
import {
  decisionSummary,
  draftManualGate,
  editMeddpiccItem,
  editScorecardItem,
  planGateDecision,
} from '@shared/pipeline/gate-edit';
import type { PursuitDatabase } from '@renderer/db/database';
import { StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { RecordPatch, WriteEnv, Writer } from '@renderer/db/write';

/** The decision could not be recorded as given (no reason, nobody named); nothing was written. */
export class DecisionRefusedError extends Error {
  override readonly name = 'DecisionRefusedError';
  constructor(readonly problems: readonly DecisionProblem[]) {
    super(`The decision was not recorded: ${problems.join(', ')}`);
  }
}

/**
 * The deal is gone or in the trash, so no gate can be added to it. (Not `NotFoundError`: Dexie
 * turns an error of that name thrown inside a transaction into its own `DexieError`.)
 */
export class DealUnavailableError extends Error {
  override readonly name = 'DealUnavailableError';
  constructor(readonly dealId: DealId) {
    super(`Deal ${dealId} does not exist or is in the trash`);
  }
}

/** A decided gate is removed only after its decision has been cleared on purpose. */
export class GateDecidedError extends Error {
  override readonly name = 'GateDecidedError';
  constructor(readonly gateId: GateId) {
    super(`Gate ${gateId} has a recorded decision; clear it before removing the gate`);
  }
}

const GATE_TABLES = ['gates', 'deals', 'settings'] as const;

interface GateChange {
  readonly patch: RecordPatch<'gates'>;
  readonly summary: string;
  readonly details?: string;
}

/**
 * Applies one edit to a gate as it is stored now, refusing when it is not at `expectedRev` (edited
 * in another window) or has gone to the trash. The change and its entry in the deal's trail land
 * in one transaction, undoable; the undo history names the deal and the gate.
 */
function editGate(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
  change: (gate: Gate, settings: Settings, writer: Writer) => GateChange | null,
): Promise<Gate> {
  return runWrite(
    db,
    env,
    GATE_TABLES,
    async (writer) => {
      const gate = await writer.get('gates', gateId);
      if (!gate || gate.deletedAt !== null)
        throw new StaleRevisionError('gates', gateId, expectedRev, null);
      if (gate.rev !== expectedRev)
        throw new StaleRevisionError('gates', gateId, expectedRev, gate.rev);
      const deal = await writer.require('deals', gate.dealId);
      const settings = await writer.require('settings', settingsId);
      writer.subject = `${deal.code} · ${gate.name}`;
      const planned = change(gate, settings, writer);
      if (planned === null) return gate;
      return writer.update(
        'gates',
        gateId,
        expectedRev,
        planned.patch,
        planned.summary,
        'update',
        planned.details,
      );
    },
    { undoAction: 'update' },
  );
}

export interface ScorecardEdit {
  readonly key: string;
  /** 1–5, or null to take the score back. */
  readonly score?: number | null;
  readonly note?: string;
}

/** Scores a criterion of a bid/no-bid gate's scorecard, or changes its note. */
export function updateScorecardItem(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
  edit: ScorecardEdit,
): Promise<Gate> {
  return editGate(db, env, gateId, expectedRev, (gate) => ({
    patch: { scorecard: editScorecardItem(gate.scorecard, edit.key, edit) },
    summary: gate.name,
  }));
}

export interface MeddpiccEdit {
  readonly element: MeddpiccElement;
  readonly status?: MeddpiccStatus;
  readonly evidence?: string;
}

/** Sets a MEDDPICC element's status or evidence on a bid/no-bid gate. */
export function updateMeddpiccItem(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
  edit: MeddpiccEdit,
): Promise<Gate> {
  return editGate(db, env, gateId, expectedRev, (gate) => ({
    patch: { meddpicc: editMeddpiccItem(gate.meddpicc, edit.element, edit) },
    summary: gate.name,
  }));
}

/** The fields of a gate a user edits directly; the schema checks them (score 0–100, lengths). */
export type GateFieldsEdit = Partial<Pick<Gate, 'scheduledDate' | 'reviewScore' | 'comments'>>;

/** Reschedules a gate, or sets a review's score and comments. */
export function updateGateFields(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
  edit: GateFieldsEdit,
): Promise<Gate> {
  return editGate(db, env, gateId, expectedRev, (gate) => ({ patch: edit, summary: gate.name }));
}

export interface DecisionEdit {
  readonly decision: GateDecision;
  readonly rationale: string;
  /**
   * Who decided: the person named at the gate, or, when nobody is named, the person acting
   * (`env.actorId`). The trail entry's actor is always whoever recorded it.
   */
  readonly decidedBy?: PersonId | null;
}

/**
 * Records go, no-go or reshape on a gate, with the reason, who decided and now as when. A decision
 * already recorded may be changed; the deal's trail keeps the earlier one (old → new), and
 * recording the very same decision again writes nothing. Throws `DecisionRefusedError` without a
 * reason or without anyone to name as the decider.
 */
export function recordGateDecision(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
  edit: DecisionEdit,
): Promise<Gate> {
  return editGate(db, env, gateId, expectedRev, (gate, settings, writer) => {
    const plan = planGateDecision(gate, {
      decision: edit.decision,
      rationale: edit.rationale,
      decidedBy: edit.decidedBy ?? env.actorId,
      now: writer.at,
    });
    if (!plan.ok) throw new DecisionRefusedError(plan.problems);
    if (plan.change === 'unchanged') return null;
    return {
      patch: plan.fields,
      summary: decisionSummary(gate.name, gate.decision, edit.decision, settings.locale),
      details: plan.fields.rationale,
    };
  });
}

/**
 * Takes a recorded decision back, on purpose (the gate is to be decided again): decision, decider
 * and time are emptied, the reason stays as the draft for the next decision, and the trail keeps
 * what was cleared.
 */
export function clearGateDecision(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
): Promise<Gate> {
  return editGate(db, env, gateId, expectedRev, (gate, settings) =>
    gate.decision === null
      ? null
      : {
          patch: { decision: null, decidedBy: null, decidedAt: null },
          summary: decisionSummary(gate.name, gate.decision, null, settings.locale),
        },
  );
}

export interface NewGateInput {
  readonly dealId: DealId;
  readonly kind: GateKind;
  readonly name: string;
  readonly scheduledDate: PlanDate | null;
}

/**
 * Adds a gate by hand (another red team round, a re-qualification), of any kind; a bid/no-bid gate
 * copies the scorecard criteria configured now. Refused (`DealUnavailableError`) for a deal that
 * is gone or in the trash.
 */
export function addGate(db: PursuitDatabase, env: WriteEnv, input: NewGateInput): Promise<Gate> {
  return runWrite(
    db,
    env,
    GATE_TABLES,
    async (writer) => {
      const deal = await writer.get('deals', input.dealId);
      if (!deal || deal.deletedAt !== null) throw new DealUnavailableError(input.dealId);
      const settings = await writer.require('settings', settingsId);
      const draft = draftManualGate({ ...input, bidScorecard: settings.bidScorecard });
      writer.subject = `${deal.code} · ${draft.name}`;
      return writer.insert('gates', draft, draft.name);
    },
    { undoAction: 'create' },
  );
}

/**
 * Removes a gate (added by mistake, or no longer held) to the trash with its deal's other removed
 * records; undoable. A gate with a recorded decision is refused (`GateDecidedError`): the decision
 * is part of the deal's governance and is withdrawn only explicitly, with `clearGateDecision`.
 */
export function removeGate(
  db: PursuitDatabase,
  env: WriteEnv,
  gateId: GateId,
  expectedRev: number,
): Promise<Gate> {
  return runWrite(
    db,
    env,
    GATE_TABLES,
    async (writer) => {
      const gate = await writer.get('gates', gateId);
      if (!gate || gate.deletedAt !== null)
        throw new StaleRevisionError('gates', gateId, expectedRev, null);
      if (gate.decision !== null) throw new GateDecidedError(gateId);
      const deal = await writer.require('deals', gate.dealId);
      writer.subject = `${deal.code} · ${gate.name}`;
      return writer.update(
        'gates',
        gateId,
        expectedRev,
        { deletedAt: writer.at },
        gate.name,
        'delete',
      );
    },
    { undoAction: 'delete' },
  );
}
