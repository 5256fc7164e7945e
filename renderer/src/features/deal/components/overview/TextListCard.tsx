import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Deal } from '@shared/domain/deal';
import { useWorkspaceActions } from '@renderer/features/deal/hooks/useWorkspaceActions';

const ITEM_MAX = 500;
const MAX_ITEMS = 50;

type ListField = 'winThemes' | 'discriminators';

/** Why `text` cannot join `list` (leaving out the item at `except`, when editing it), or null. */
function problemOf(
  text: string,
  list: readonly string[],
  except: number | null,
): 'empty' | 'tooLong' | 'duplicate' | 'tooMany' | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > ITEM_MAX) return 'tooLong';
  const key = trimmed.toLowerCase();
  if (list.some((item, index) => index !== except && item.trim().toLowerCase() === key)) {
    return 'duplicate';
  }
  if (except === null && list.length >= MAX_ITEMS) return 'tooMany';
  return null;
}

interface TextListCardProps {
  deal: Deal;
  field: ListField;
}

/**
 * A short list of statements kept on the deal (win themes, discriminators): add with Enter,
 * edit in place, remove. Each change is saved at once and recorded in Activity.
 */
export function TextListCard({ deal, field }: TextListCardProps) {
  const { t } = useTranslation('deal');
  const { message } = App.useApp();
  const actions = useWorkspaceActions();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const items = deal[field];
  const title = t(`lists.${field}`);

  const explain = (problem: NonNullable<ReturnType<typeof problemOf>>, value: string) =>
    problem === 'tooLong'
      ? t('lists.tooLong', { max: ITEM_MAX })
      : problem === 'tooMany'
        ? t('lists.tooMany', { max: MAX_ITEMS })
        : problem === 'duplicate'
          ? t('lists.duplicate', { text: value.trim() })
          : t('lists.empty');

  const add = async () => {
    const problem = problemOf(text, items, null);
    if (problem) {
      setError(explain(problem, text));
      return;
    }
    const value = text.trim();
    try {
      await actions.saveDetails(deal, (current) => ({ [field]: [...current[field], value] }));
      setText('');
      setError(null);
    } catch {
      // Shown already; the text stays in the box.
    }
  };

  const edit = (index: number, next: string) => {
    const before = items[index];
    if (before === undefined || next.trim() === before) return;
    const problem = problemOf(next, items, index);
    if (problem) {
      void message.error(explain(problem, next));
      return;
    }
    void actions
      .saveDetails(deal, (current) => ({
        [field]: current[field].map((item) => (item === before ? next.trim() : item)),
      }))
      .catch(() => {});
  };

  const remove = (item: string) => {
    void actions
      .saveDetails(deal, (current) => ({ [field]: current[field].filter((x) => x !== item) }))
      .catch(() => {});
  };

  return (
    <Card title={title} style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        {items.length === 0 && (
          <Typography.Text type="secondary">{t(`lists.${field}Empty`)}</Typography.Text>
        )}
        {items.length > 0 && (
          <ol aria-label={title} style={{ margin: 0, paddingInlineStart: 20 }}>
            {items.map((item, index) => (
              <li key={item}>
                <Flex align="flex-start" gap={4}>
                  <Typography.Paragraph
                    style={{ flex: 1, minWidth: 0, marginBottom: 4 }}
                    editable={{
                      onChange: (next) => edit(index, next),
                      tooltip: t('lists.edit', { text: item }),
                      text: item,
                      maxLength: ITEM_MAX,
                    }}
                  >
                    {item}
                  </Typography.Paragraph>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('lists.remove', { text: item })}
                    onClick={() => remove(item)}
                  />
                </Flex>
              </li>
            ))}
          </ol>
        )}
        <Form.Item
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
          style={{ marginBottom: 0 }}
        >
          <Flex gap={8}>
            <Input
              value={text}
              aria-label={`${title}: ${t('lists.add')}`}
              placeholder={t('lists.addPlaceholder')}
              onChange={(event) => {
                setText(event.target.value);
                if (error) setError(null);
              }}
              onPressEnter={() => void add()}
            />
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => void add()}>
              {t('lists.add')}
            </Button>
          </Flex>
        </Form.Item>
      </Flex>
    </Card>
  );
}
