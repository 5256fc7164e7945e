import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';

/** Changes the area's current search in place, or returns the one to use instead. */
export type SearchChange = (current: URLSearchParams) => unknown;

/** The last search of each area in this window, by area id (for this session only). */
const lastSearch = new Map<string, string>();

/**
 * An area's choices (tab, period, person…) kept in the address, so they can be linked and
 * survive a reload, and remembered for the session: the navigation opens an area at its bare
 * path, and arriving there without a search brings back the one the user left with (the address
 * is rewritten to show it). An address that carries a search wins over the remembered one.
 */
export function useAreaSearchParams(
  area: string,
): [URLSearchParams, (change: SearchChange) => void] {
  const { search } = useLocation();
  const [, setSearchParams] = useSearchParams();
  const remembered = lastSearch.get(area) ?? '';
  const restoring = search === '' && remembered !== '';
  const effective = restoring ? `?${remembered}` : search;
  const params = useMemo(() => new URLSearchParams(effective), [effective]);

  useEffect(() => {
    if (restoring) setSearchParams(new URLSearchParams(remembered), { replace: true });
    else if (search !== '') lastSearch.set(area, search.slice(1));
  }, [area, restoring, remembered, search, setSearchParams]);

  const setParams = useCallback(
    (change: SearchChange) => {
      // From the latest search, not the one this render saw: two changes made before the page
      // renders again (a tab, then a period) both stay.
      const current = new URLSearchParams(lastSearch.get(area) ?? '');
      const returned = change(current);
      const next = returned instanceof URLSearchParams ? returned : current;
      // Remembered before the address changes: a search emptied on purpose stays empty.
      lastSearch.set(area, next.toString());
      setSearchParams(next, { replace: true });
    },
    [area, setSearchParams],
  );
  return [params, setParams];
}
