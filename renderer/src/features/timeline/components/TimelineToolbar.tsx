import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Flex,
  Input,
  Segmented,
  Select,
  Spin,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import { CalendarOutlined, WarningFilled } from '@ant-design/icons';
import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import { KEY_MILESTONE_KINDS } from '@shared/timeline/rows';
import type { TimelineFilter, TimelineGrouping } from '@shared/timeline/rows';
import type { TimelineZoom } from '@shared/timeline/scale';
import { markerStyle } from '@renderer/features/timeline/components/TimelineRows';

export interface FilterOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

interface TimelineToolbarProps {
  filter: TimelineFilter;
  onFilter: (filter: TimelineFilter) => void;
  grouping: TimelineGrouping;
  onGrouping: (grouping: TimelineGrouping) => void;
  zoom: TimelineZoom;
  onZoom: (zoom: TimelineZoom) => void;
  owners: readonly FilterOption<PersonId>[];
  stages: readonly FilterOption<StageId>[];
  accounts: readonly FilterOption<AccountId>[];
  shown: number;
  total: number;
  exporting: boolean;
  onExport: () => void;
  /** False while the milestones are still being read: slips are not known yet. */
  milestonesLoaded: boolean;
}

const LEGEND_KEYS = {
  bid_no_bid: 'legend.gate',
  review: 'legend.review',
  submission: 'legend.submission',
  award: 'legend.award',
} as const;

/** Search, filters, grouping, scale and calendar export above the timeline, with its legend. */
export function TimelineToolbar(props: TimelineToolbarProps) {
  const { t } = useTranslation('timeline');
  const { token } = theme.useToken();
  const { filter, onFilter } = props;
  const active =
    !!filter.text?.trim() ||
    !!filter.ownerIds?.length ||
    !!filter.stageIds?.length ||
    !!filter.accountIds?.length ||
    !!filter.slippingOnly;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          aria-label={t('filters.search')}
          placeholder={t('filters.search')}
          style={{ width: 240 }}
          value={filter.text ?? ''}
          onChange={(event) => onFilter({ ...filter, text: event.target.value })}
        />
        <Select<PersonId[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('filters.owner')}
          placeholder={t('filters.owner')}
          style={{ minWidth: 120, maxWidth: 220 }}
          value={[...(filter.ownerIds ?? [])]}
          onChange={(ownerIds) => onFilter({ ...filter, ownerIds })}
          showSearch={{ optionFilterProp: 'label' }}
          options={[...props.owners]}
        />
        <Select<StageId[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('filters.stage')}
          placeholder={t('filters.stage')}
          style={{ minWidth: 120, maxWidth: 220 }}
          value={[...(filter.stageIds ?? [])]}
          onChange={(stageIds) => onFilter({ ...filter, stageIds })}
          options={[...props.stages]}
        />
        <Select<AccountId[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('filters.account')}
          placeholder={t('filters.account')}
          style={{ minWidth: 120, maxWidth: 220 }}
          value={[...(filter.accountIds ?? [])]}
          onChange={(accountIds) => onFilter({ ...filter, accountIds })}
          showSearch={{ optionFilterProp: 'label' }}
          options={[...props.accounts]}
        />
        <Checkbox
          disabled={!props.milestonesLoaded}
          checked={!!filter.slippingOnly}
          onChange={(event) => onFilter({ ...filter, slippingOnly: event.target.checked })}
        >
          {t('filters.slipping')}
        </Checkbox>
        {active && <Button onClick={() => onFilter({})}>{t('filters.clear')}</Button>}
        <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
          <Tooltip title={t('export.portfolioHelp')}>
            <Button
              icon={<CalendarOutlined aria-hidden />}
              loading={props.exporting}
              disabled={props.shown === 0}
              onClick={props.onExport}
            >
              {t('export.portfolio')}
            </Button>
          </Tooltip>
        </Flex>
      </Flex>
      <Flex gap={16} wrap align="center">
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" id="timeline-group-label">
            {t('groupBy.label')}
          </Typography.Text>
          <Segmented<TimelineGrouping>
            aria-labelledby="timeline-group-label"
            value={props.grouping}
            onChange={props.onGrouping}
            options={[
              { value: 'owner', label: t('groupBy.owner') },
              { value: 'stage', label: t('groupBy.stage') },
            ]}
          />
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" id="timeline-zoom-label">
            {t('zoom.label')}
          </Typography.Text>
          <Segmented<TimelineZoom>
            aria-labelledby="timeline-zoom-label"
            value={props.zoom}
            onChange={props.onZoom}
            options={[
              { value: 'month', label: t('zoom.month') },
              { value: 'quarter', label: t('zoom.quarter') },
            ]}
          />
        </Flex>
        <Typography.Text type="secondary" aria-live="polite">
          {t('shown', { shown: props.shown, total: props.total })}
        </Typography.Text>
        {!props.milestonesLoaded && (
          <Flex gap={6} align="center">
            <Spin size="small" />
            <Typography.Text type="secondary">{t('loadingMilestones')}</Typography.Text>
          </Flex>
        )}
        <Flex gap={12} wrap align="center" style={{ marginInlineStart: 'auto' }} aria-hidden>
          {KEY_MILESTONE_KINDS.map((kind) => (
            <Flex key={kind} gap={6} align="center">
              <span style={markerStyle(kind, true, token)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(LEGEND_KEYS[kind])}
              </Typography.Text>
            </Flex>
          ))}
          <Flex gap={6} align="center">
            <WarningFilled style={{ color: token.colorError }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('legend.slipping')}
            </Typography.Text>
          </Flex>
        </Flex>
      </Flex>
    </Flex>
  );
}
