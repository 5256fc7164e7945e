import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Flex, Spin, Tabs, Typography } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { Period } from '@shared/domain/period';
import { periodFromKey, periodKey, periodOf } from '@shared/compensation/periods';
import { monthlyCredit } from '@shared/compensation/workspace';
import { useAreaSearchParams } from '@renderer/app/hooks/useAreaSearchParams';
import { useCompensationRecords } from '@renderer/db/hooks/compensation';
import { AllocationPanel } from '@renderer/features/compensation/components/AllocationPanel';
import { AttainmentPanel } from '@renderer/features/compensation/components/AttainmentPanel';
import { PeriodPicker } from '@renderer/features/compensation/components/PeriodPicker';
import { PlansPanel } from '@renderer/features/compensation/components/PlansPanel';
import { ScorecardPanel } from '@renderer/features/compensation/components/ScorecardPanel';
import { StatementPanel } from '@renderer/features/compensation/components/StatementPanel';

const TABS = ['allocation', 'attainment', 'plans', 'statements', 'scorecard'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return (TABS as readonly (string | null)[]).includes(value);
}

/**
 * Targets and commissions for a fiscal period: allocate a team's quota, see each person's
 * attainment, edit commission plans and who they pay, and read a person's statement. The tab,
 * the period and the statement's person live in the address (`?tab=statements&period=FY2026-Q4&
 * person=…`) and are remembered when the user leaves the area and comes back.
 */
export default function TargetsPage() {
  const { t } = useTranslation('compensation');
  const records = useCompensationRecords();
  const [params, setParams] = useAreaSearchParams('targets');
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'allocation';
  const chosen = periodFromKey(params.get('period') ?? '');
  const statementPerson = params.get('person');
  const update = (name: 'tab' | 'period' | 'person', value: string) =>
    setParams((search) => search.set(name, value));
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const startMonth = records?.settings.fiscalYearStartMonth ?? 1;
  const period = chosen ?? periodOf(today, 'quarter', startMonth);
  const credit = useMemo(
    () =>
      records
        ? monthlyCredit(
            records.deals,
            records.settings.fiscalYearStartMonth,
            records.settings.roundingMode,
          )
        : null,
    [records],
  );

  if (!records || !credit) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Spin />
      </Flex>
    );
  }
  const currentYear = periodOf(today, 'year', startMonth).fiscalYear;
  return (
    <Flex vertical gap={12} style={{ padding: 16, minWidth: 0 }} flex={1}>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <PeriodPicker
        value={period}
        onChange={(next: Period) => update('period', periodKey(next))}
        fiscalYearStartMonth={startMonth}
        currentYear={currentYear}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => update('tab', key)}
        items={[
          {
            key: 'allocation',
            label: t('tabs.allocation'),
            children: <AllocationPanel records={records} credit={credit} period={period} />,
          },
          {
            key: 'attainment',
            label: t('tabs.attainment'),
            children: <AttainmentPanel records={records} credit={credit} period={period} />,
          },
          {
            key: 'plans',
            label: t('tabs.plans'),
            children: <PlansPanel records={records} fiscalYear={period.fiscalYear} />,
          },
          {
            key: 'statements',
            label: t('tabs.statements'),
            children: (
              <StatementPanel
                records={records}
                credit={credit}
                period={period}
                personId={statementPerson}
                onPersonChange={(id) => update('person', id)}
              />
            ),
          },
          {
            key: 'scorecard',
            label: t('tabs.scorecard'),
            children: <ScorecardPanel records={records} credit={credit} period={period} />,
          },
        ]}
      />
    </Flex>
  );
}
