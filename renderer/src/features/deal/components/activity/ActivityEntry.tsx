import { useTranslation } from 'react-i18next';
import { Flex, Tag, Typography, theme } from 'antd';
import type { Activity } from '@shared/domain/activity';
import type { ChangeContext } from '@renderer/features/deal/utils/describeChanges';
import { describeChanges } from '@renderer/features/deal/utils/describeChanges';

/** Entries about the deal itself need no subject line: the page is about that deal. */
const SELF_EVIDENT = new Set(['create', 'update', 'delete', 'restore']);

const LABELLED_TABLES = ['deals', 'milestones', 'gates', 'tasks', 'assignments'] as const;
type LabelledTable = (typeof LABELLED_TABLES)[number];
const isLabelledTable = (table: string): table is LabelledTable =>
  (LABELLED_TABLES as readonly string[]).includes(table);

interface ActivityEntryProps {
  activity: Activity;
  changeContext: ChangeContext;
  actorName: string | null;
  contactNames: readonly string[];
}

/**
 * One entry of the trail: what kind, when, by whom and with whom; for a logged entry its summary
 * and details, for a change the app recorded what changed, old → new.
 */
export function ActivityEntry({
  activity,
  changeContext,
  actorName,
  contactNames,
}: ActivityEntryProps) {
  const { t } = useTranslation('deal');
  const { token } = theme.useToken();
  const { format } = changeContext;
  const system = activity.system;
  const lines = system ? describeChanges(system.changes, changeContext) : [];
  const selfEvident =
    system !== null && system.table === 'deals' && SELF_EVIDENT.has(system.action);
  /** What kind of entry: the activity type for logged work, the action for a recorded change. */
  const kind = system
    ? t(`activity.actions.${system.action}`)
    : t(`activity.types.${activity.type}`);
  /** What it is about: the summary, or for a change of another record, which record. */
  const title =
    !system || system.table === 'deals'
      ? selfEvident
        ? ''
        : activity.summary
      : `${t(`activity.tables.${isLabelledTable(system.table) ? system.table : 'other'}`)}: ${activity.summary}`;

  return (
    <article aria-label={title || kind} style={{ minWidth: 0 }}>
      <Flex align="baseline" gap={8} wrap>
        <Tag
          color={system ? (system.action === 'stage_move' ? 'purple' : 'default') : 'blue'}
          style={{ marginInlineEnd: 0 }}
        >
          {kind}
        </Tag>
        {title && (
          <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {title}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
          {format.dateTime(activity.at)}
          {actorName ? ` · ${t('activity.by', { name: actorName })}` : ''}
        </Typography.Text>
      </Flex>
      {lines.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, color: token.colorTextSecondary }}>
          {lines.map((line) => (
            <li key={line.field} style={{ overflowWrap: 'anywhere' }}>
              <Typography.Text type="secondary">
                {t('activity.field', { label: line.label })}
              </Typography.Text>
              {line.kind === 'value' ? (
                <>
                  <Typography.Text delete type="secondary">
                    {line.old}
                  </Typography.Text>
                  <Typography.Text type="secondary"> → </Typography.Text>
                  <Typography.Text>{line.new}</Typography.Text>
                </>
              ) : (
                <Typography.Text>
                  {line.parts.join(format.locale === 'zh-CN' ? '；' : '; ')}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      )}
      {activity.details && (
        <Typography.Paragraph
          style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {activity.details}
        </Typography.Paragraph>
      )}
      {contactNames.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('activity.with', {
            names: contactNames.join(format.locale === 'zh-CN' ? '、' : ', '),
          })}
        </Typography.Text>
      )}
    </article>
  );
}
