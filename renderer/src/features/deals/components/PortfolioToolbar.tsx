import { memo, useCallback, useMemo } from 'react';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Flex, Input, Popover, Select, Typography } from 'antd';
import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import { DEAL_STATUSES } from '@shared/domain/deal';
import type { DealStatus } from '@shared/domain/deal';
import type { Account } from '@shared/domain/account';
import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Stage } from '@shared/domain/sales-process';
import type { PortfolioFilter } from '@shared/portfolio/rows';
import { HEALTH_LEVELS } from '@shared/health/health';
import type { HealthLevel } from '@shared/health/health';
import { useLanguage } from '@renderer/i18n/useLanguage';
import type { PortfolioColumn } from '@renderer/features/deals/utils/columns';
import { FIXED_COLUMNS, PORTFOLIO_COLUMNS } from '@renderer/features/deals/utils/columns';

interface PortfolioToolbarProps {
  filter: PortfolioFilter;
  /** Takes a new filter or a function of the current one (React's state setter). */
  onFilter: Dispatch<SetStateAction<PortfolioFilter>>;
  columns: readonly PortfolioColumn[];
  onColumns: (columns: PortfolioColumn[]) => void;
  stages: readonly Stage[];
  people: readonly Person[];
  accounts: readonly Account[];
  shown: number;
  total: number;
  onNewDeal: () => void;
  /** Export and import controls, placed before the column chooser. */
  exchange?: ReactNode;
}

interface Option<V extends string> {
  value: V;
  label: string;
}

interface FilterSelectProps<V extends string> {
  label: string;
  minWidth: number;
  value: readonly V[] | undefined;
  options: readonly Option<V>[];
  onChange: (values: V[]) => void;
  /** Typing filters the options by their label (long lists: people, accounts). */
  searchable?: boolean;
}

const SEARCH_BY_LABEL = { optionFilterProp: 'label' } as const;

function FilterSelectView<V extends string>({
  label,
  minWidth,
  value,
  options,
  onChange,
  searchable = false,
}: FilterSelectProps<V>) {
  const selected = useMemo(() => [...(value ?? [])], [value]);
  return (
    <Select<V[], Option<V>>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      aria-label={label}
      placeholder={label}
      style={{ minWidth }}
      value={selected}
      onChange={onChange}
      showSearch={searchable ? SEARCH_BY_LABEL : undefined}
      options={options as Option<V>[]}
    />
  );
}

/**
 * One multiple-choice filter. Memoised, like the search box: typing a search or sorting
 * re-renders neither the other filters nor their option lists.
 */
const FilterSelect = memo(FilterSelectView) as typeof FilterSelectView;

const SearchBox = memo(function SearchBox({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <Input.Search
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ width: 260 }}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
});

const ColumnChooser = memo(function ColumnChooser({
  columns,
  onColumns,
}: {
  columns: readonly PortfolioColumn[];
  onColumns: (columns: PortfolioColumn[]) => void;
}) {
  const { t } = useTranslation('deals');
  const chooser = (
    <Flex vertical gap={8} style={{ maxWidth: 260 }}>
      <Typography.Text type="secondary">{t('filters.columnsHelp')}</Typography.Text>
      <Checkbox.Group
        value={[...columns]}
        onChange={(values) =>
          onColumns(
            PORTFOLIO_COLUMNS.filter((c) => FIXED_COLUMNS.includes(c) || values.includes(c)),
          )
        }
      >
        <Flex vertical gap={4}>
          {PORTFOLIO_COLUMNS.map((column) => (
            <Checkbox key={column} value={column} disabled={FIXED_COLUMNS.includes(column)}>
              {t(`columns.${column}`)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Flex>
  );
  return (
    <Popover content={chooser} trigger="click" placement="bottomRight" title={t('filters.columns')}>
      <Button icon={<TableOutlined aria-hidden />}>{t('filters.columns')}</Button>
    </Popover>
  );
});

const NewDealButton = memo(function NewDealButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('deals');
  return (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {t('newDeal')}
    </Button>
  );
});

/** Search, filters, the column chooser and "New deal", above the portfolio table. */
export function PortfolioToolbar(props: PortfolioToolbarProps) {
  const { t } = useTranslation(['deals', 'health']);
  const [language] = useLanguage();
  const { filter, onFilter, stages, people, accounts } = props;
  const active =
    !!filter.text?.trim() ||
    !!filter.stageIds?.length ||
    !!filter.ownerIds?.length ||
    !!filter.statuses?.length ||
    !!filter.healthLevels?.length ||
    !!filter.accountIds?.length;

  const stageOptions = useMemo(
    () => stages.map((s) => ({ value: s.id, label: language === 'zh-CN' ? s.name.zh : s.name.en })),
    [stages, language],
  );
  const ownerOptions = useMemo(() => people.map((p) => ({ value: p.id, label: p.name })), [people]);
  const statusOptions = useMemo(
    () => DEAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
    [t],
  );
  const healthOptions = useMemo(
    () => HEALTH_LEVELS.map((level) => ({ value: level, label: t(`health:level.${level}`) })),
    [t],
  );
  const accountOptions = useMemo(
    () => accounts.map((a) => ({ value: a.id, label: a.name })),
    [accounts],
  );

  const setText = useCallback((text: string) => onFilter((f) => ({ ...f, text })), [onFilter]);
  const setStages = useCallback(
    (stageIds: StageId[]) => onFilter((f) => ({ ...f, stageIds })),
    [onFilter],
  );
  const setOwners = useCallback(
    (ownerIds: PersonId[]) => onFilter((f) => ({ ...f, ownerIds })),
    [onFilter],
  );
  const setStatuses = useCallback(
    (statuses: DealStatus[]) => onFilter((f) => ({ ...f, statuses })),
    [onFilter],
  );
  const setHealthLevels = useCallback(
    (healthLevels: HealthLevel[]) => onFilter((f) => ({ ...f, healthLevels })),
    [onFilter],
  );
  const setAccounts = useCallback(
    (accountIds: AccountId[]) => onFilter((f) => ({ ...f, accountIds })),
    [onFilter],
  );

  return (
    <Flex gap={8} wrap align="center">
      <SearchBox label={t('filters.search')} value={filter.text ?? ''} onChange={setText} />
      <FilterSelect
        label={t('filters.stage')}
        minWidth={120}
        value={filter.stageIds}
        onChange={setStages}
        options={stageOptions}
      />
      <FilterSelect
        label={t('filters.owner')}
        minWidth={120}
        value={filter.ownerIds}
        onChange={setOwners}
        options={ownerOptions}
        searchable
      />
      <FilterSelect
        label={t('filters.status')}
        minWidth={110}
        value={filter.statuses}
        onChange={setStatuses}
        options={statusOptions}
      />
      <FilterSelect
        label={t('filters.health')}
        minWidth={110}
        value={filter.healthLevels}
        onChange={setHealthLevels}
        options={healthOptions}
      />
      <FilterSelect
        label={t('filters.account')}
        minWidth={120}
        value={filter.accountIds}
        onChange={setAccounts}
        options={accountOptions}
        searchable
      />
      {active && <Button onClick={() => onFilter({})}>{t('filters.clear')}</Button>}
      <Typography.Text type="secondary" aria-live="polite">
        {t('filters.shown', { shown: props.shown, total: props.total })}
      </Typography.Text>
      <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
        {props.exchange}
        <ColumnChooser columns={props.columns} onColumns={props.onColumns} />
        <NewDealButton onClick={props.onNewDeal} />
      </Flex>
    </Flex>
  );
}
