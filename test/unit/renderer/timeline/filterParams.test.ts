import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountIdSchema, personIdSchema, stageIdSchema } from '@shared/domain/ids';
import type { TimelineFilter } from '@shared/timeline/rows';
import { filterFromParams, paramsWithFilter } from '@renderer/features/timeline/utils/filterParams';

const OWNER = personIdSchema.parse('00000000-0000-4000-8000-000000000001');
const STAGE = stageIdSchema.parse('5a1e5000-0000-4000-8000-000000000101');
const ACCOUNT = accountIdSchema.parse('00000000-0000-4000-8000-00000000000a');

describe('the timeline filter in the address', () => {
  it('reads back what it wrote, keeping the other parameters', () => {
    const filter: TimelineFilter = {
      text: 'BID-2026 & <b>',
      ownerIds: [OWNER],
      stageIds: [STAGE],
      accountIds: [ACCOUNT],
      slippingOnly: true,
    };
    const params = paramsWithFilter(new URLSearchParams('group=stage&zoom=quarter'), filter);
    expect(params.get('group')).toBe('stage');
    expect(params.get('zoom')).toBe('quarter');
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it('leaves an empty filter out of the address', () => {
    const params = paramsWithFilter(new URLSearchParams('q=old&slipping=1&zoom=week'), {
      text: '',
      ownerIds: [],
      slippingOnly: false,
    });
    expect(params.toString()).toBe('zoom=week');
    expect(filterFromParams(params)).toEqual({});
  });

  it('ignores what is not an id in a hand-edited address', () => {
    const filter = filterFromParams(new URLSearchParams(`owner=nobody,${OWNER}&stage=x`));
    expect(filter).toEqual({ ownerIds: [OWNER] });
  });

  it('keeps any search text as typed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const params = paramsWithFilter(new URLSearchParams(), { text });
        expect(filterFromParams(new URLSearchParams(params.toString())).text).toBe(text);
      }),
    );
  });
});
