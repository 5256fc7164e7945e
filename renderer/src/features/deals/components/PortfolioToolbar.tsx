import type { ReactNode } from 'react';
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
  onFilter: (filter: PortfolioFilter) => void;
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

/** Search, filters, the column chooser and "New deal", above the portfolio table. */
export function PortfolioToolbar(props: PortfolioToolbarProps) {
  const { t } = useTranslation(['deals', 'health']);
  const [language] = useLanguage();
  const { filter, onFilter } = props;
  const active =
    !!filter.text?.trim() ||
    !!filter.stageIds?.length ||
    !!filter.ownerIds?.length ||
    !!filter.statuses?.length ||
    !!filter.healthLevels?.length ||
    !!filter.accountIds?.length;

  const chooser = (
    <Flex vertical gap={8} style={{ maxWidth: 260 }}>
      <Typography.Text type="secondary">{t('filters.columnsHelp')}</Typography.Text>
      <Checkbox.Group
        value={[...props.columns]}
        onChange={(values) =>
          props.onColumns(
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
    <Flex gap={8} wrap align="center">
      <Input.Search
        allowClear
        aria-label={t('filters.search')}
        placeholder={t('filters.search')}
        style={{ width: 260 }}
        value={filter.text ?? ''}
        onChange={(event) => onFilter({ ...filter, text: event.target.value })}
      />
      <Select<StageId[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('filters.stage')}
        placeholder={t('filters.stage')}
        style={{ minWidth: 120 }}
        value={[...(filter.stageIds ?? [])]}
        onChange={(stageIds) => onFilter({ ...filter, stageIds })}
        options={props.stages.map((s) => ({
          value: s.id,
          label: language === 'zh-CN' ? s.name.zh : s.name.en,
        }))}
      />
      <Select<PersonId[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('filters.owner')}
        placeholder={t('filters.owner')}
        style={{ minWidth: 120 }}
        value={[...(filter.ownerIds ?? [])]}
        onChange={(ownerIds) => onFilter({ ...filter, ownerIds })}
        showSearch={{ optionFilterProp: 'label' }}
        options={props.people.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Select<DealStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('filters.status')}
        placeholder={t('filters.status')}
        style={{ minWidth: 110 }}
        value={[...(filter.statuses ?? [])]}
        onChange={(statuses) => onFilter({ ...filter, statuses })}
        options={DEAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select<HealthLevel[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('filters.health')}
        placeholder={t('filters.health')}
        style={{ minWidth: 110 }}
        value={[...(filter.healthLevels ?? [])]}
        onChange={(healthLevels) => onFilter({ ...filter, healthLevels })}
        options={HEALTH_LEVELS.map((level) => ({
          value: level,
          label: t(`health:level.${level}`),
        }))}
      />
      <Select<AccountId[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('filters.account')}
        placeholder={t('filters.account')}
        style={{ minWidth: 120 }}
        value={[...(filter.accountIds ?? [])]}
        onChange={(accountIds) => onFilter({ ...filter, accountIds })}
        showSearch={{ optionFilterProp: 'label' }}
        options={props.accounts.map((a) => ({ value: a.id, label: a.name }))}
      />
      {active && <Button onClick={() => onFilter({})}>{t('filters.clear')}</Button>}
      <Typography.Text type="secondary" aria-live="polite">
        {t('filters.shown', { shown: props.shown, total: props.total })}
      </Typography.Text>
      <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
        {props.exchange}
        <Popover
          content={chooser}
          trigger="click"
          placement="bottomRight"
          title={t('filters.columns')}
        >
          <Button icon={<TableOutlined aria-hidden />}>{t('filters.columns')}</Button>
        </Popover>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onNewDeal}>
          {t('newDeal')}
        </Button>
      </Flex>
    </Flex>
  );
}
