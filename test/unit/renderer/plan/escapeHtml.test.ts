import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@renderer/features/plan/utils/escapeHtml';

describe('escapeHtml', () => {
  it('turns markup into the characters typed', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;',
    );
    expect(escapeHtml(`R&D's "pink" <team>`)).toBe('R&amp;D&#39;s &quot;pink&quot; &lt;team&gt;');
  });

  it('leaves plain text, Chinese included, as it is', () => {
    expect(escapeHtml('红队评审 Red team')).toBe('红队评审 Red team');
  });
});
