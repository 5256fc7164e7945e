import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Input, Select, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { Account } from '@shared/domain/account';
import type { AccountId, PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { PortfolioFilter } from '@shared/portfolio/rows';

interface BoardToolbarProps {
  filter: PortfolioFilter;
  onFilter: (filter: PortfolioFilter) => void;
  people: readonly Person[];
  accounts: readonly Account[];
  shown: number;
  total: number;
  /** The people panel is out (people can be dragged onto the cards). */
  peopleOpen: boolean;
  onTogglePeople: () => void;
}

/**
 * Search and the owner and account filters, as on the portfolio (the board shows open deals only).
 * Memoised: the board renders again at each step of a drag and after each drop, the filters only
 * when their own props change.
 */
export const BoardToolbar = memo(function BoardToolbar({
  filter,
  onFilter,
  people,
  accounts,
  shown,
  total,
  peopleOpen,
  onTogglePeople,
}: BoardToolbarProps) {
  const { t } = useTranslation(['pipeline', 'deals']);
  const active = !!filter.text?.trim() || !!filter.ownerIds?.length || !!filter.accountIds?.length;
  const ownerOptions = useMemo(() => people.map((p) => ({ value: p.id, label: p.name })), [people]);
  const accountOptions = useMemo(
    () => accounts.map((a) => ({ value: a.id, label: a.name })),
    [accounts],
  );
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        allowClear
        aria-label={t('deals:filters.search')}
        placeholder={t('deals:filters.search')}
        style={{ width: 260 }}
        value={filter.text ?? ''}
        onChange={(event) => onFilter({ ...filter, text: event.target.value })}
      />
      <Select<PersonId[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('deals:filters.owner')}
        placeholder={t('deals:filters.owner')}
        style={{ minWidth: 140 }}
        value={[...(filter.ownerIds ?? [])]}
        onChange={(ownerIds) => onFilter({ ...filter, ownerIds })}
        showSearch={{ optionFilterProp: 'label' }}
        options={ownerOptions}
      />
      <Select<AccountId[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('deals:filters.account')}
        placeholder={t('deals:filters.account')}
        style={{ minWidth: 140 }}
        value={[...(filter.accountIds ?? [])]}
        onChange={(accountIds) => onFilter({ ...filter, accountIds })}
        showSearch={{ optionFilterProp: 'label' }}
        options={accountOptions}
      />
      {active && <Button onClick={() => onFilter({})}>{t('deals:filters.clear')}</Button>}
      <Typography.Text type="secondary" aria-live="polite">
        {t('shown', { shown, total })}
      </Typography.Text>
      <Button
        icon={<TeamOutlined aria-hidden />}
        aria-pressed={peopleOpen}
        type={peopleOpen ? 'primary' : 'default'}
        ghost={peopleOpen}
        onClick={onTogglePeople}
        style={{ marginInlineStart: 'auto' }}
      >
        {t('assign.toggle')}
      </Button>
    </Flex>
  );
});
