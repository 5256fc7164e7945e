import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { FieldChange } from '@shared/domain/activity';
import type { BuyingRole } from '@shared/domain/contact';
import { isPlanDate } from '@shared/domain/dates';
import {
  DEAL_STATUSES,
  KEY_DATE_FIELDS,
  OUTCOME_REASONS,
  buyingCentreMemberSchema,
  competitorSchema,
  creditSplitSchema,
} from '@shared/domain/deal';
import type { Competitor } from '@shared/domain/deal';
import { OUTCOME_REASON_NAMES, inLocale } from '@shared/pipeline/labels';
import type { Formatters } from '@renderer/i18n/useFormat';

/** What turns stored values (ids, minor units, keys) into what a user reads. */
export interface ChangeContext {
  readonly t: TFunction<['deal', 'deals']>;
  readonly format: Formatters;
  /** The deal's currency, for amounts whose change does not name one. */
  readonly currency: string;
  stageName(id: string): string | undefined;
  personName(id: string): string | undefined;
  accountName(id: string): string | undefined;
  contactName(id: string): string | undefined;
  criterionLabel(key: string): string | undefined;
}

/** One changed field as the trail shows it: a value that went from old to new, or list edits. */
export type ChangeLine =
  | {
      readonly field: string;
      readonly label: string;
      readonly kind: 'value';
      readonly old: string;
      readonly new: string;
    }
  | {
      readonly field: string;
      readonly label: string;
      readonly kind: 'list';
      readonly parts: readonly string[];
    };

/** Bookkeeping that follows from another change shown anyway (the stage, the trash action). */
const HIDDEN_FIELDS = new Set(['stageEnteredAt', 'deletedAt']);

/** Deal fields with a label of their own in `activity.fields`. */
const LABELLED_FIELDS = [
  'code',
  'name',
  'description',
  'accountId',
  'ownerId',
  'expectedMarginPct',
  'stageId',
  'status',
  'pwin',
  'competitors',
  'winThemes',
  'discriminators',
  'buyingCentre',
  'checkedExitCriteria',
  'creditSplits',
  'outcomeReason',
  'outcomeNote',
  'outcomeDate',
  'tags',
  'date',
  'decision',
  'personId',
  'hours',
] as const;
type LabelledField = (typeof LABELLED_FIELDS)[number];

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const stringList = z.array(z.string());
const competitorList = z.array(competitorSchema);
const memberList = z.array(buyingCentreMemberSchema);
const splitList = z.array(creditSplitSchema);

interface ListDiff<T> {
  added: T[];
  removed: T[];
  edited: T[];
}

/** Items added, removed, or kept under the same key with other content. */
function diffBy<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): ListDiff<T> {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const next = new Map(after.map((item) => [keyOf(item), item]));
  return {
    added: after.filter((item) => !old.has(keyOf(item))),
    removed: before.filter((item) => !next.has(keyOf(item))),
    edited: after.filter((item) => {
      const was = old.get(keyOf(item));
      return was !== undefined && JSON.stringify(was) !== JSON.stringify(item);
    }),
  };
}

/**
 * The field changes of a system entry in readable form, in the user's language: labels instead of
 * paths, dates and money formatted, ids shown as names, and list fields (competitors, buying
 * centre, exit criteria…) as what was added, removed or edited. Anything not known is shown as
 * stored, so no change is ever hidden except pure bookkeeping.
 */
export function describeChanges(changes: readonly FieldChange[], ctx: ChangeContext): ChangeLine[] {
  const { t, format } = ctx;
  const empty = t('deal:activity.change.empty');
  const currencyChange = changes.find((change) => change.field === 'value.currency');

  const scalar = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return empty;
    if (typeof value === 'boolean')
      return value ? t('deal:activity.change.yes') : t('deal:activity.change.no');
    if (typeof value === 'number') return format.number(value);
    if (typeof value === 'string') return isPlanDate(value) ? format.date(value) : value;
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 199)}…` : json;
  };
  const named =
    (lookup: (id: string) => string | undefined) =>
    (value: unknown): string =>
      typeof value === 'string' ? (lookup(value) ?? value) : scalar(value);
  const percent = (value: unknown) =>
    typeof value === 'number' ? format.percent(value / 100) : scalar(value);
  const money = (value: unknown, currency: unknown) =>
    typeof value === 'number'
      ? format.money(value, typeof currency === 'string' ? currency : ctx.currency)
      : scalar(value);
  const role = (value: BuyingRole) => t(`deal:buyingCentre.roles.${value}`);
  const contact = (id: string) => ctx.contactName(id) ?? t('deal:buyingCentre.unknownContact');

  const value = (
    change: FieldChange,
    label: string,
    show: (value: unknown) => string = scalar,
  ): ChangeLine => ({
    field: change.field,
    label,
    kind: 'value',
    old: show(change.old),
    new: show(change.new),
  });
  const list = <T>(
    change: FieldChange,
    label: string,
    diff: ListDiff<T>,
    name: (item: T) => string,
    verbs: { added: 'added' | 'checked'; removed: 'removed' | 'unchecked' } = {
      added: 'added',
      removed: 'removed',
    },
  ): ChangeLine => {
    const parts: string[] = [];
    const join = (items: T[]) => items.map(name).join(format.locale === 'zh-CN' ? '、' : ', ');
    if (diff.added.length > 0)
      parts.push(t(`deal:activity.change.${verbs.added}`, { items: join(diff.added) }));
    if (diff.removed.length > 0)
      parts.push(t(`deal:activity.change.${verbs.removed}`, { items: join(diff.removed) }));
    if (diff.edited.length > 0)
      parts.push(t('deal:activity.change.edited', { items: join(diff.edited) }));
    return { field: change.field, label, kind: 'list', parts };
  };

  const describeOne = (change: FieldChange): ChangeLine => {
    const { field } = change;
    const keyDate = field.startsWith('keyDates.') ? field.slice('keyDates.'.length) : null;
    if (keyDate !== null && isOneOf(KEY_DATE_FIELDS, keyDate)) {
      return value(change, t(`deal:keyDates.${keyDate}`));
    }
    if (field === 'value.amountMinor') {
      return {
        field,
        label: t('deal:activity.fields.value'),
        kind: 'value',
        old: money(change.old, currencyChange?.old),
        new: money(change.new, currencyChange?.new),
      };
    }
    if (field === 'value.currency') return value(change, t('deal:activity.fields.currency'));
    if (!isOneOf(LABELLED_FIELDS, field)) return value(change, field);
    const label = t(`deal:activity.fields.${field satisfies LabelledField}`);
    switch (field) {
      case 'pwin':
      case 'expectedMarginPct':
        return value(change, label, percent);
      case 'stageId':
        return value(change, label, named(ctx.stageName));
      case 'ownerId':
      case 'personId':
        return value(change, label, named(ctx.personName));
      case 'accountId':
        return value(change, label, named(ctx.accountName));
      case 'status':
        return value(change, label, (status) =>
          isOneOf(DEAL_STATUSES, status) ? t(`deals:status.${status}`) : scalar(status),
        );
      case 'outcomeReason':
        return value(change, label, (reason) =>
          isOneOf(OUTCOME_REASONS, reason)
            ? inLocale(OUTCOME_REASON_NAMES[reason], format.locale)
            : scalar(reason),
        );
      case 'competitors': {
        const before = competitorList.safeParse(change.old ?? []);
        const after = competitorList.safeParse(change.new ?? []);
        if (!before.success || !after.success) break;
        const key = (c: Competitor) => c.name.trim().toLowerCase();
        return list(change, label, diffBy(before.data, after.data, key), (c) => c.name);
      }
      case 'winThemes':
      case 'discriminators':
      case 'tags': {
        const before = stringList.safeParse(change.old ?? []);
        const after = stringList.safeParse(change.new ?? []);
        if (!before.success || !after.success) break;
        return list(change, label, diffBy(before.data, after.data, String), String);
      }
      case 'buyingCentre': {
        const before = memberList.safeParse(change.old ?? []);
        const after = memberList.safeParse(change.new ?? []);
        if (!before.success || !after.success) break;
        return list(
          change,
          label,
          diffBy(before.data, after.data, (m) => m.contactId),
          (m) =>
            t('deal:activity.change.member', {
              name: contact(m.contactId),
              role: role(m.role),
              stance: t(`deal:buyingCentre.stances.${m.stance}`),
            }),
        );
      }
      case 'checkedExitCriteria': {
        const before = stringList.safeParse(change.old ?? []);
        const after = stringList.safeParse(change.new ?? []);
        if (!before.success || !after.success) break;
        return list(
          change,
          label,
          diffBy(before.data, after.data, String),
          (key) => ctx.criterionLabel(key) ?? t('deal:activity.change.unknownCriterion', { key }),
          { added: 'checked', removed: 'unchecked' },
        );
      }
      case 'creditSplits': {
        const before = splitList.safeParse(change.old ?? []);
        const after = splitList.safeParse(change.new ?? []);
        if (!before.success || !after.success) break;
        return list(
          change,
          label,
          diffBy(before.data, after.data, (s) => `${s.kind}:${s.personId}`),
          (s) =>
            `${ctx.personName(s.personId) ?? s.personId} ${format.percent(s.shareBp / 10_000)}`,
        );
      }
      default:
        break;
    }
    return value(change, label);
  };

  return changes
    .filter((change) => !HIDDEN_FIELDS.has(change.field))
    .map(describeOne)
    .filter((line) => line.kind === 'value' || line.parts.length > 0);
}
