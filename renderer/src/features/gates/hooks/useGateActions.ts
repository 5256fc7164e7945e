import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { Gate } from '@shared/domain/gate';
import type { CriterionDraft } from '@shared/pipeline/gate-edit';
import { UnknownCriterionError } from '@shared/pipeline/gate-edit';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import { StaleRevisionError } from '@renderer/db/errors';
import {
  addGate,
  clearGateDecision,
  DealUnavailableError,
  DecisionRefusedError,
  GateDecidedError,
  recordGateDecision,
  removeGate,
  updateGateFields,
  updateMeddpiccItem,
  updateScorecardItem,
} from '@renderer/db/repositories/gates';
import type {
  DecisionEdit,
  GateFieldsEdit,
  MeddpiccEdit,
  NewGateInput,
  ScorecardEdit,
} from '@renderer/db/repositories/gates';
import { ScorecardCriteriaError, updateBidScorecard } from '@renderer/db/repositories/settings';
import { queueGateWrite } from '@renderer/features/gates/utils/gateWriteQueue';

/**
 * The gate commands the UI offers, bound to the database, with failures shown in the user's
 * language. A failed write changed nothing and the field keeps what was typed. Edits to one gate
 * are queued (`queueGateWrite`) so quick successive edits do not refuse each other as stale.
 */
export function useGateActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('gates');
  const { message } = App.useApp();
  const feedback = useWriteFeedback();

  return useMemo(() => {
    /** Shows a failed write and rethrows it for callers that keep a form open. */
    const report = (error: unknown): never =>
      feedback.fail(error, (e) => {
        if (e instanceof StaleRevisionError && e.actualRev === null) return t('errors.gone');
        if (e instanceof DealUnavailableError) return t('errors.notFound');
        if (e instanceof GateDecidedError) return t('remove.decided');
        if (e instanceof UnknownCriterionError) return t('errors.unknownCriterion');
        // The form shows these next to the fields concerned.
        if (e instanceof DecisionRefusedError || e instanceof ScorecardCriteriaError) return '';
        return null;
      });

    const queued = (gate: Gate, write: (rev: number) => Promise<Gate>): Promise<Gate> =>
      queueGateWrite(gate, write).catch(report);

    return {
      report,
      /** The person acting in this window, when known: the default decider. */
      actorId: env.actorId,
      scoreCriterion: (gate: Gate, edit: ScorecardEdit) =>
        queued(gate, (rev) => updateScorecardItem(db, env, gate.id, rev, edit)),
      editMeddpicc: (gate: Gate, edit: MeddpiccEdit) =>
        queued(gate, (rev) => updateMeddpiccItem(db, env, gate.id, rev, edit)),
      editFields: (gate: Gate, edit: GateFieldsEdit) =>
        queued(gate, (rev) => updateGateFields(db, env, gate.id, rev, edit)),
      async decide(gate: Gate, edit: DecisionEdit): Promise<Gate> {
        let basedOn = gate.rev;
        const saved = await queued(gate, (rev) => {
          basedOn = rev;
          return recordGateDecision(db, env, gate.id, rev, edit);
        });
        if (saved.rev === basedOn) message.info(t('decision.unchanged'));
        else message.success(t('decision.recorded', { decision: t(`decisions.${edit.decision}`) }));
        return saved;
      },
      async clearDecision(gate: Gate): Promise<Gate> {
        const saved = await queued(gate, (rev) => clearGateDecision(db, env, gate.id, rev));
        message.success(t('decision.cleared'));
        return saved;
      },
      async add(input: NewGateInput): Promise<Gate> {
        const gate = await addGate(db, env, input).catch(report);
        message.success(t('add.added', { name: gate.name }));
        return gate;
      },
      async remove(gate: Gate): Promise<void> {
        await queued(gate, (rev) => removeGate(db, env, gate.id, rev));
        message.success(t('remove.removed', { name: gate.name }));
      },
      async saveScorecard(settingsRev: number, drafts: readonly CriterionDraft[]) {
        const saved = await updateBidScorecard(db, env, settingsRev, drafts).catch(report);
        message.success(t('criteria.saved'));
        return saved;
      },
    };
  }, [db, env, t, message, feedback]);
}
