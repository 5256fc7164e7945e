import { useMemo } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import { calendarFromSettings } from '@shared/domain/calendar';
import { isActiveRisk, riskScore } from '@shared/domain/risk';
import type { Stage } from '@shared/domain/sales-process';
import { dealCostFigures } from '@shared/cost/rollup';
import { exportFileName } from '@shared/export/milestone-calendar';
import type { DealHealth } from '@shared/health/health';
import type { PdfPageSize } from '@shared/ipc/contract';
import { analysePlan } from '@shared/plan/analysis';
import { buildPlanRows } from '@shared/plan/rows';
import { topRisksByExposure } from '@shared/risk/register';
import { useDealCostRecords } from '@renderer/db/hooks/costs';
import { useDealGates } from '@renderer/db/hooks/gates';
import { usePlanRecords } from '@renderer/db/hooks/plan';
import { useAccount, usePeople, useSettings } from '@renderer/db/hooks/queries';
import { useDealRisks } from '@renderer/db/hooks/risks';
import { useDealStaffing } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import { PrintSheet, PrintSheetDialog } from '@renderer/app/components/PrintSheet';
import { describeReason } from '@renderer/features/health/utils/describe';
import '@renderer/features/health/components/ReviewPack.css';

type Paper = PdfPageSize;

const TOP_RISKS = 5;
const CRITICAL_SHOWN = 8;

interface ReviewPackProps {
  deal: Deal;
  stages: readonly Stage[];
  health: DealHealth | null | undefined;
  open: boolean;
  onClose: () => void;
}

/**
 * A single deal's review, laid out for A4 or Letter in the user's language: the header, health and
 * its reasons, the plan (progress, slack to submission, critical tasks) and milestones, budget
 * against actual, the top risks and the gate history. Saved as a PDF on the desktop; the browser
 * build prints it.
 */
export function ReviewPackDialog({ deal, stages, health, open, onClose }: ReviewPackProps) {
  const { t } = useTranslation('health');
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  return (
    <PrintSheetDialog
      open={open}
      onClose={onClose}
      width={900}
      title={t('pack.title')}
      fileName={exportFileName(deal.code, 'review', today, 'pdf')}
      printed={(file) => t('pack.printed', { file })}
      printFailed={(message) => t('pack.printFailed', { message })}
    >
      {(paper) => <ReviewSheet deal={deal} stages={stages} health={health} paper={paper} />}
    </PrintSheetDialog>
  );
}

function ReviewSheet({
  deal,
  stages,
  health,
  paper,
}: {
  deal: Deal;
  stages: readonly Stage[];
  health: DealHealth | null | undefined;
  paper: Paper;
}) {
  const { t } = useTranslation(['health', 'deals', 'gates', 'costs', 'risks']);
  const format = useFormat();
  const account = useAccount(deal.accountId);
  const people = usePeople();
  const settings = useSettings();
  const plan = usePlanRecords(deal.id);
  const costs = useDealCostRecords(deal.id);
  const staffing = useDealStaffing(deal.id);
  const risks = useDealRisks(deal.id);
  const gates = useDealGates(deal.id);
  const today: PlanDate = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const money = (m: { amountMinor: number; currency: string }) =>
    format.money(m.amountMinor, m.currency);
  const zh = format.locale === 'zh-CN';
  const stage = stages.find((s) => s.id === deal.stageId);
  const owner = people?.find((p) => p.id === deal.ownerId);

  const planFacts = useMemo(() => {
    if (!plan || !settings) return null;
    const rows = buildPlanRows(plan.tasks, plan.milestones);
    const analysis = analysePlan({
      rows,
      links: plan.dependencies.map((d) => ({
        predecessorId: d.predecessorId,
        successorId: d.successorId,
        type: d.type,
        lagDays: d.lagDays,
      })),
      calendar: calendarFromSettings(settings),
      today,
      submissionDue: deal.keyDates.submissionDue,
    });
    const critical = analysis.ok
      ? rows.filter(
          (row) =>
            row.kind === 'task' &&
            !row.summary &&
            row.progress < 100 &&
            analysis.rows.get(row.id)?.critical === true,
        )
      : [];
    const slack =
      analysis.ok && analysis.deadline !== null && !analysis.deadline.done
        ? analysis.deadline.slackDays
        : null;
    const milestones = [...plan.milestones].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    return { critical, slack, milestones };
  }, [plan, settings, today, deal.keyDates.submissionDue]);

  const figures = useMemo(
    () =>
      costs && staffing && settings
        ? dealCostFigures({
            deal,
            budgetLines: costs.budgetLines,
            costEntries: costs.costEntries,
            timeEntries: costs.timeEntries,
            assignments: staffing.assignments,
            tasks: staffing.tasks,
            people: costs.people,
            roles: costs.roles,
            today,
            thresholds: settings.thresholds,
            roundingMode: settings.roundingMode,
          })
        : null,
    [costs, staffing, settings, deal, today],
  );

  const topRisks = useMemo(
    () => (risks ? topRisksByExposure(risks.filter(isActiveRisk), TOP_RISKS) : []),
    [risks],
  );
  const gateHistory = useMemo(
    () =>
      [...(gates ?? [])].sort(
        (a, b) =>
          (a.decidedAt ?? Number.MAX_SAFE_INTEGER) - (b.decidedAt ?? Number.MAX_SAFE_INTEGER) ||
          (a.scheduledDate ?? '').localeCompare(b.scheduledDate ?? ''),
      ),
    [gates],
  );

  const dash = t('health:pack.empty');
  const dateOr = (date: string | null) => (date ? format.date(date) : dash);
  const dayOfMs = (ms: number) => format.date(dayjs(ms).format('YYYY-MM-DD'));

  return (
    <PrintSheet
      paper={paper}
      className="review-pack-sheet"
      aria-label={t('health:pack.title')}
      data-ready={
        planFacts !== null && figures !== null && risks !== undefined && health !== undefined
          ? 'true'
          : 'false'
      }
    >
      <header>
        <div className="rp-muted">
          {t('health:pack.title')} · {deal.code} ·{' '}
          {t('health:pack.preparedOn', { date: format.date(today) })}
        </div>
        <h1>{deal.name}</h1>
        <dl className="rp-facts">
          <div>
            <dt>{t('health:pack.account')}</dt>
            <dd>{account?.name ?? dash}</dd>
          </div>
          <div>
            <dt>{t('health:pack.owner')}</dt>
            <dd>{owner?.name ?? dash}</dd>
          </div>
          <div>
            <dt>{t('health:pack.stage')}</dt>
            <dd>{stage ? (zh ? stage.name.zh : stage.name.en) : dash}</dd>
          </div>
          <div>
            <dt>{t('health:pack.value')}</dt>
            <dd>{money(deal.value)}</dd>
          </div>
          <div>
            <dt>{t('health:pack.pwin')}</dt>
            <dd>{format.percent(deal.pwin / 100)}</dd>
          </div>
          {(['rfpRelease', 'questionsDue', 'submissionDue', 'expectedAward'] as const).map(
            (key) => (
              <div key={key}>
                <dt>{t(`health:pack.date.${key}`)}</dt>
                <dd>{dateOr(deal.keyDates[key])}</dd>
              </div>
            ),
          )}
        </dl>
      </header>

      <section>
        <h2>{t('health:pack.health')}</h2>
        {health === undefined ? (
          <div className="rp-muted" aria-busy="true">
            …
          </div>
        ) : health ? (
          <>
            <div className={`rp-level rp-${health.level}`} data-health={health.level}>
              {health.level === 'green' ? '●' : health.level === 'amber' ? '▲' : '■'}{' '}
              {t(`health:level.${health.level}`)}
            </div>
            {health.reasons.length === 0 ? (
              <div>{t('health:none')}</div>
            ) : (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {health.reasons.map((reason) => (
                  <li key={reason.code} className={`rp-${reason.severity}`}>
                    {describeReason(reason, t, format)}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <div className="rp-muted">{t('health:notOpen')}</div>
        )}
      </section>

      <section>
        <h2>{t('health:pack.plan')}</h2>
        <dl className="rp-facts">
          <div>
            <dt>{t('health:pack.progress')}</dt>
            <dd>
              {figures?.progressPct !== null && figures?.progressPct !== undefined
                ? format.percent(figures.progressPct / 100)
                : dash}
            </dd>
          </div>
          <div>
            <dt>{t('health:pack.slack')}</dt>
            <dd>
              {planFacts?.slack !== null && planFacts?.slack !== undefined
                ? t('health:pack.slackDays', { days: planFacts.slack })
                : t('health:pack.noDeadline')}
            </dd>
          </div>
          <div>
            <dt>{t('health:pack.critical')}</dt>
            <dd>
              {planFacts && planFacts.critical.length > 0
                ? planFacts.critical
                    .slice(0, CRITICAL_SHOWN)
                    .map((row) => row.name)
                    .join(format.locale === 'zh-CN' ? '、' : '; ')
                : t('health:pack.noCritical')}
            </dd>
          </div>
        </dl>
        <h2>{t('health:pack.milestones')}</h2>
        {planFacts && planFacts.milestones.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th style={{ width: '40%' }}>{t('health:pack.milestone')}</th>
                <th>{t('health:pack.planned')}</th>
                <th>{t('health:pack.baseline')}</th>
                <th>{t('health:pack.actual')}</th>
              </tr>
            </thead>
            <tbody>
              {planFacts.milestones.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{format.date(m.date)}</td>
                  <td>{dateOr(m.baselineDate)}</td>
                  <td>{dateOr(m.actualDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="rp-muted">{t('health:pack.noMilestones')}</div>
        )}
      </section>

      <section>
        <h2>{t('health:pack.budget')}</h2>
        {figures && (
          <table>
            <thead>
              <tr>
                <th style={{ width: '28%' }}>{t('health:pack.category')}</th>
                <th className="rp-num">{t('health:pack.budgetCol')}</th>
                <th className="rp-num">{t('health:pack.actualCol')}</th>
                <th className="rp-num">{t('health:pack.eacCol')}</th>
                <th className="rp-num">{t('health:pack.varianceCol')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.byCategory
                .filter(
                  (c) =>
                    c.budget.amountMinor !== 0 ||
                    c.actual.amountMinor !== 0 ||
                    c.scheduled.amountMinor !== 0,
                )
                .map((c) => (
                  <tr key={c.category}>
                    <td>{t(`costs:category.${c.category}`)}</td>
                    <td className="rp-num">{money(c.budget)}</td>
                    <td className="rp-num">{money(c.actual)}</td>
                    <td className="rp-num">
                      {money({
                        amountMinor: c.actual.amountMinor + c.remaining.amountMinor,
                        currency: c.actual.currency,
                      })}
                    </td>
                    <td className="rp-num">
                      {money({
                        amountMinor:
                          c.budget.amountMinor - c.actual.amountMinor - c.remaining.amountMinor,
                        currency: c.actual.currency,
                      })}
                    </td>
                  </tr>
                ))}
              <tr>
                <th>{t('health:pack.total')}</th>
                <th className="rp-num">{money(figures.budget)}</th>
                <th className="rp-num">{money(figures.actual)}</th>
                <th className="rp-num">{money(figures.eac)}</th>
                <th className="rp-num">{money(figures.variance)}</th>
              </tr>
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t('health:pack.risks')}</h2>
        {topRisks.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th style={{ width: '46%' }}>{t('health:pack.risk')}</th>
                <th>{t('health:pack.status')}</th>
                <th className="rp-num">{t('health:pack.score')}</th>
                <th className="rp-num">{t('health:pack.exposure')}</th>
              </tr>
            </thead>
            <tbody>
              {topRisks.map((risk) => (
                <tr key={risk.id}>
                  <td>{risk.title}</td>
                  <td>{t(`risks:status.${risk.status}`)}</td>
                  <td className="rp-num">{riskScore(risk)}</td>
                  <td className="rp-num">{money(risk.exposure)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="rp-muted">{t('health:pack.noRisks')}</div>
        )}
      </section>

      <section>
        <h2>{t('health:pack.gates')}</h2>
        {gateHistory.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th style={{ width: '40%' }}>{t('health:pack.gate')}</th>
                <th>{t('health:pack.decision')}</th>
                <th>{t('health:pack.decidedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {gateHistory.map((gate) => (
                <tr key={gate.id}>
                  <td>
                    {t(`gates:kinds.${gate.kind}`)} · {gate.name}
                  </td>
                  <td>
                    {gate.decision
                      ? t(`gates:decisions.${gate.decision}`)
                      : t('health:pack.pending')}
                  </td>
                  <td>
                    {gate.decidedAt !== null ? dayOfMs(gate.decidedAt) : dateOr(gate.scheduledDate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="rp-muted">{t('health:pack.noGates')}</div>
        )}
      </section>
    </PrintSheet>
  );
}
