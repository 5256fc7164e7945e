import type { z } from 'zod';
import { accountIdSchema, personIdSchema, stageIdSchema } from '@shared/domain/ids';
import type { TimelineFilter } from '@shared/timeline/rows';

/** The address parameters the timeline's filter is kept in. */
const KEYS = {
  text: 'q',
  ownerIds: 'owner',
  stageIds: 'stage',
  accountIds: 'account',
  slippingOnly: 'slipping',
} as const;

/** The ids listed (comma-separated) in `value`; anything that is not an id is left out. */
function idsOf<T>(value: string | null, schema: z.ZodType<T, string>): T[] | undefined {
  if (value === null || value === '') return undefined;
  const ids = value.split(',').flatMap((part) => {
    const parsed = schema.safeParse(part);
    return parsed.success ? [parsed.data] : [];
  });
  return ids.length > 0 ? ids : undefined;
}

/** The timeline filter an address gives (a hand-edited address gives what it can). */
export function filterFromParams(params: URLSearchParams): TimelineFilter {
  const text = params.get(KEYS.text) ?? '';
  const ownerIds = idsOf(params.get(KEYS.ownerIds), personIdSchema);
  const stageIds = idsOf(params.get(KEYS.stageIds), stageIdSchema);
  const accountIds = idsOf(params.get(KEYS.accountIds), accountIdSchema);
  return {
    ...(text !== '' && { text }),
    ...(ownerIds && { ownerIds }),
    ...(stageIds && { stageIds }),
    ...(accountIds && { accountIds }),
    ...(params.get(KEYS.slippingOnly) === '1' && { slippingOnly: true }),
  };
}

/** `params` with `filter` in place of the filter they held (the other parameters kept). */
export function paramsWithFilter(params: URLSearchParams, filter: TimelineFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(KEYS)) next.delete(key);
  if (filter.text) next.set(KEYS.text, filter.text);
  if (filter.ownerIds?.length) next.set(KEYS.ownerIds, filter.ownerIds.join(','));
  if (filter.stageIds?.length) next.set(KEYS.stageIds, filter.stageIds.join(','));
  if (filter.accountIds?.length) next.set(KEYS.accountIds, filter.accountIds.join(','));
  if (filter.slippingOnly) next.set(KEYS.slippingOnly, '1');
  return next;
}
