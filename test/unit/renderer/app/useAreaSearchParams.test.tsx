// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { act, cleanup, renderHook } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { useAreaSearchParams } from '@renderer/app/hooks/useAreaSearchParams';

afterEach(cleanup);

const at =
  (path: string) =>
  ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
  );

function useArea(area: string) {
  const [params, setParams] = useAreaSearchParams(area);
  return { params, setParams, search: useLocation().search };
}

describe('useAreaSearchParams', () => {
  it('keeps two changes made before the page renders again', () => {
    const { result } = renderHook(() => useArea('two-changes'), { wrapper: at('/targets') });
    act(() => {
      // Both from the same render: the second must not undo the first.
      result.current.setParams((search) => search.set('tab', 'scorecard'));
      result.current.setParams((search) => search.set('period', 'FY2026'));
    });
    expect(result.current.params.get('tab')).toBe('scorecard');
    expect(result.current.params.get('period')).toBe('FY2026');
    expect(result.current.search).toBe('?tab=scorecard&period=FY2026');
  });

  it('brings back the last search when the area opens at its bare address', () => {
    const first = renderHook(() => useArea('come-back'), { wrapper: at('/load') });
    act(() => first.result.current.setParams((search) => search.set('view', 'roles')));
    first.unmount();
    const again = renderHook(() => useArea('come-back'), { wrapper: at('/load') });
    expect(again.result.current.params.get('view')).toBe('roles');
    expect(again.result.current.search).toBe('?view=roles');
  });

  it('lets an address with its own search win, and a returned search replace the current one', () => {
    const first = renderHook(() => useArea('link-wins'), { wrapper: at('/timeline?zoom=week') });
    act(() => first.result.current.setParams(() => new URLSearchParams('group=stage')));
    expect(first.result.current.search).toBe('?group=stage');
    first.unmount();
    const linked = renderHook(() => useArea('link-wins'), {
      wrapper: at('/timeline?zoom=quarter'),
    });
    expect(linked.result.current.params.toString()).toBe('zoom=quarter');
  });
});
