import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Flex, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreditSplit, CreditSplitKind, Deal } from '@shared/domain/deal';
import type { PersonId } from '@shared/domain/ids';
import { FULL_SHARE_BP, MAX_SPREAD_PERIODS } from '@shared/compensation/credit';
import { creditSpreadOf } from '@shared/compensation/workspace';
import { usePeople } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';
import { pctToBp } from '@renderer/features/compensation/utils/planForm';

interface Row {
  readonly key: number;
  readonly personId: PersonId | null;
  /** Percent as typed (two decimals). */
  readonly pct: number | null;
}

const toRows = (splits: readonly CreditSplit[], kind: CreditSplitKind, first: number): Row[] =>
  splits
    .filter((split) => split.kind === kind)
    .map((split, index) => ({
      key: first + index,
      personId: split.personId,
      pct: split.shareBp / 100,
    }));

/**
 * The deal's credit on its Team tab: revenue splits (must total 100 %, said while editing),
 * overlay splits (any total) and the months the credit is spread over; saved as one deal update
 * (in the trail, with Undo).
 */
export function CreditCard({ deal }: { readonly deal: Deal }) {
  const { t } = useTranslation('compensation');
  const format = useFormat();
  const people = usePeople();
  const actions = useDealActions();
  const [revenue, setRevenue] = useState<Row[]>([]);
  const [overlay, setOverlay] = useState<Row[]>([]);
  const [spread, setSpread] = useState<number | null>(1);
  const [nextKey, setNextKey] = useState(1_000);
  const [saving, setSaving] = useState(false);

  // Start again from what is stored whenever the deal changes (a save, an undo, another window).
  const revision = `${deal.id}:${deal.rev}`;
  const [seen, setSeen] = useState<string | null>(null);
  if (seen !== revision) {
    setSeen(revision);
    setRevenue(toRows(deal.creditSplits, 'revenue', 0));
    setOverlay(toRows(deal.creditSplits, 'overlay', 500));
    setSpread(creditSpreadOf(deal));
  }

  const nameOf = useMemo(() => new Map((people ?? []).map((p) => [p.id, p.name])), [people]);
  const revenueBp = revenue.reduce(
    (sum, row) => sum + (row.pct === null ? 0 : pctToBp(row.pct)),
    0,
  );
  const missingPerson = [...revenue, ...overlay].some(
    (row) => row.personId === null || row.pct === null,
  );
  const duplicate = (rows: Row[]) => {
    const seen = new Set<PersonId>();
    for (const row of rows) {
      if (row.personId === null) continue;
      if (seen.has(row.personId)) return row.personId;
      seen.add(row.personId);
    }
    return null;
  };
  const duplicated = duplicate(revenue) ?? duplicate(overlay);
  const totalOk = revenue.length === 0 || revenueBp === FULL_SHARE_BP;
  const valid = totalOk && !missingPerson && duplicated === null && spread !== null;

  const splits = (): CreditSplit[] =>
    [
      ...revenue.map((row) => ({ row, kind: 'revenue' as const })),
      ...overlay.map((row) => ({ row, kind: 'overlay' as const })),
    ].flatMap(({ row, kind }) =>
      row.personId === null || row.pct === null
        ? []
        : [{ personId: row.personId, kind, shareBp: pctToBp(row.pct) }],
    );

  const save = async () => {
    if (!valid || spread === null) return;
    setSaving(true);
    try {
      await actions.update(deal, {
        creditSplits: splits(),
        creditSpreadMonths: spread === 1 ? undefined : spread,
      });
    } catch {
      // Reported by the action; the card keeps what was typed.
    } finally {
      setSaving(false);
    }
  };
  const reset = () => {
    setRevenue(toRows(deal.creditSplits, 'revenue', 0));
    setOverlay(toRows(deal.creditSplits, 'overlay', 500));
    setSpread(creditSpreadOf(deal));
  };

  const options = (people ?? [])
    .filter((p) => p.active)
    .map((p) => ({ value: p.id, label: p.name }));
  const editor = (
    kind: CreditSplitKind,
    rows: Row[],
    setRows: (rows: Row[]) => void,
    max: number,
  ) => (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t(`credit.${kind}`)}</Typography.Text>
      {rows.map((row, index) => (
        <Flex key={row.key} gap={8} align="center" wrap>
          <Select
            aria-label={`${t(`credit.${kind}`)} ${t('credit.person')} ${index + 1}`}
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('credit.person')}
            value={row.personId}
            onChange={(personId: PersonId) =>
              setRows(rows.map((r) => (r.key === row.key ? { ...r, personId } : r)))
            }
            options={options}
          />
          <InputNumber
            aria-label={`${t(`credit.${kind}`)} ${t('credit.share')} ${index + 1}`}
            min={0}
            max={max}
            precision={2}
            suffix="%"
            style={{ width: 130 }}
            value={row.pct}
            onChange={(value) =>
              setRows(
                rows.map((r) =>
                  r.key === row.key ? { ...r, pct: value === null ? null : Number(value) } : r,
                ),
              )
            }
          />
          <Button
            aria-label={`${t('credit.remove')} ${index + 1}`}
            icon={<DeleteOutlined />}
            onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const rest = kind === 'revenue' ? Math.max(0, 100 - revenueBp / 100) : 0;
          setRows([...rows, { key: nextKey, personId: null, pct: rest }]);
          setNextKey(nextKey + 1);
        }}
      >
        {t(kind === 'revenue' ? 'credit.addRevenue' : 'credit.addOverlay')}
      </Button>
    </Flex>
  );

  return (
    <Card size="small" title={t('credit.title')} data-testid="credit-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('credit.help')}</Typography.Text>
        {editor('revenue', revenue, setRevenue, 100)}
        {revenue.length === 0 ? (
          <Alert
            type="info"
            showIcon
            message={t('credit.ownerTakesAll', { name: nameOf.get(deal.ownerId) ?? '—' })}
          />
        ) : (
          <Alert
            role="status"
            type={totalOk ? 'success' : 'error'}
            showIcon
            message={
              totalOk
                ? t('credit.totalOk')
                : t('credit.totalWrong', { total: format.percent(revenueBp / 10_000, 2) })
            }
          />
        )}
        {editor('overlay', overlay, setOverlay, 10_000)}
        {duplicated !== null && (
          <Alert
            type="error"
            showIcon
            message={t('credit.duplicate', { name: nameOf.get(duplicated) ?? '—' })}
          />
        )}
        {missingPerson && <Alert type="error" showIcon message={t('credit.personRequired')} />}
        <Flex vertical gap={4}>
          <label htmlFor={`credit-spread-${deal.id}`}>
            <Typography.Text strong>{t('credit.spread')}</Typography.Text>
          </label>
          <InputNumber
            id={`credit-spread-${deal.id}`}
            min={1}
            max={MAX_SPREAD_PERIODS}
            precision={0}
            style={{ width: 130 }}
            value={spread}
            onChange={(value) => setSpread(value === null ? null : Number(value))}
          />
          <Typography.Text type="secondary">{t('credit.spreadHelp')}</Typography.Text>
        </Flex>
        <Flex gap={8}>
          <Button type="primary" disabled={!valid} loading={saving} onClick={() => void save()}>
            {t('credit.save')}
          </Button>
          <Button onClick={reset}>{t('credit.reset')}</Button>
        </Flex>
      </Flex>
    </Card>
  );
}
