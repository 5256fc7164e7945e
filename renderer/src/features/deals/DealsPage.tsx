import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Flex, Spin, theme } from 'antd';
import type { Deal } from '@shared/domain/deal';
import { parsePlanDate } from '@shared/domain/dates';
import type { PortfolioFilter, PortfolioRow, PortfolioSort } from '@shared/portfolio/rows';
import { filterRows, sortRows, SORT_KEYS } from '@shared/portfolio/rows';
import { useLocation, useNavigate } from 'react-router-dom';
import { startPageShown } from '@renderer/app/lazyPage';
import { usePreference } from '@renderer/app/preferences';
import { usePortfolioHealth } from '@renderer/db/hooks/health';
import { useAccounts, usePeople, useStages } from '@renderer/db/hooks/queries';
import { usePortfolioRows } from '@renderer/db/hooks/portfolio-rows';
import { useLanguage } from '@renderer/i18n/useLanguage';
import type { NewDealRequest } from '@renderer/features/deals/components/DealCommands';
import { DealFormDrawer } from '@renderer/features/deals/components/DealFormDrawer';
import { EmptyPortfolio } from '@renderer/features/deals/components/EmptyPortfolio';
import { PortfolioGrid } from '@renderer/features/deals/components/PortfolioGrid';
import { PortfolioToolbar } from '@renderer/features/deals/components/PortfolioToolbar';
import { PortfolioExchange } from '@renderer/features/exchange/components/PortfolioExchange';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';
import { useElementHeight } from '@renderer/features/deals/hooks/useElementHeight';
import { useLoadSample } from '@renderer/features/deals/hooks/useLoadSample';
import type { PortfolioColumn } from '@renderer/features/deals/utils/columns';
import { DEFAULT_COLUMNS, isPortfolioColumn } from '@renderer/features/deals/utils/columns';
import { suggestDealCode } from '@renderer/features/deals/utils/dealForm';

/** Upcoming work first: deals by their next milestone; closed deals (none) sort last. */
const DEFAULT_SORT: PortfolioSort = { key: 'nextMilestone', direction: 'asc' };
const FIRST_ROW_MARK = 'pursuit:portfolio-first-row';
const dealHref = (row: PortfolioRow) => `#/deals/${row.id}`;

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; deal: Deal };

/** The deal portfolio: every deal in one sortable, filterable, virtualised table. */
export default function DealsPage() {
  const { token } = theme.useToken();
  const [language] = useLanguage();
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const stored = usePortfolioRows(today);
  // Health is joined in here, from its own watcher (it reads risks, costs, plans and the trail in
  // a worker), started once the first rows are painted: rating 2,000 deals competes for the
  // database and the processor, so it waits for the table rather than delaying it.
  const [painted, setPainted] = useState(false);
  const health = usePortfolioHealth(today, painted);
  const rows = useMemo(
    () =>
      stored?.map((row) => {
        const rated = health?.get(row.id) ?? null;
        return rated === null ? row : { ...row, health: rated };
      }),
    [stored, health],
  );
  const stages = useStages();
  const people = usePeople();
  const accounts = useAccounts();
  const actions = useDealActions();
  const sample = useLoadSample();
  const [filter, setFilter] = useState<PortfolioFilter>({});
  const deferredFilter = useDeferredValue(filter);
  const [storedColumns, setStoredColumns] = usePreference('portfolioColumns');
  const [storedSort, setStoredSort] = usePreference('portfolioSort');
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [tableArea, height] = useElementHeight();

  const columns: readonly PortfolioColumn[] = useMemo(
    () => storedColumns?.filter(isPortfolioColumn) ?? DEFAULT_COLUMNS,
    [storedColumns],
  );
  const sort: PortfolioSort =
    storedSort && (SORT_KEYS as readonly string[]).includes(storedSort.key)
      ? (storedSort as PortfolioSort)
      : DEFAULT_SORT;

  // Sorted whole, then filtered (which keeps the order): a search does not sort again.
  const sorted = useMemo(
    () => (rows ? sortRows(rows, sort, language) : []),
    [rows, sort, language],
  );
  const shown = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);

  const hasRows = shown.length > 0;
  const loaded = rows !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // The frame with the first rows (or the empty portfolio) is being drawn; what waited for it
    // starts once it is painted.
    let painted: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // The benchmark's `startup.firstRow` reads this: the first time deals are on screen.
      if (hasRows && performance.getEntriesByName(FIRST_ROW_MARK).length === 0) {
        performance.mark(FIRST_ROW_MARK);
      }
      painted = setTimeout(() => {
        setPainted(true);
        startPageShown();
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(painted);
    };
  }, [loaded, hasRows]);

  const openCreate = useCallback(() => setEditing({ mode: 'create' }), []);
  // "New deal" from anywhere (palette, Ctrl/Cmd+N, menu) arrives as location state.
  const location = useLocation();
  const navigate = useNavigate();
  const newDealRequested = (location.state as Partial<NewDealRequest> | null)?.newDeal === true;
  const closeForm = useCallback(() => {
    setEditing({ mode: 'closed' });
    if (newDealRequested) void navigate('.', { replace: true, state: null });
  }, [newDealRequested, navigate]);
  const onColumns = useCallback(
    (next: PortfolioColumn[]) => setStoredColumns(next),
    [setStoredColumns],
  );
  // The next free code, for a new deal: from the deals as stored (not on a sort or a search).
  const suggestedCode = useMemo(
    () =>
      suggestDealCode(
        (stored ?? []).map((r) => r.code),
        dayjs().year(),
      ),
    [stored],
  );
  const exchange = useMemo(
    () => <PortfolioExchange rows={shown} columns={columns} />,
    [shown, columns],
  );

  const { get, remove } = actions;
  // Stable handlers, so a sort or a filter re-renders only the rows that moved.
  const onEdit = useCallback(
    (row: PortfolioRow) =>
      void get(row.id).then((deal) => {
        if (deal) setEditing({ mode: 'edit', deal });
      }),
    [get],
  );
  const onDelete = useCallback((row: PortfolioRow) => void remove(row).catch(() => {}), [remove]);

  if (!rows) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Spin />
      </Flex>
    );
  }

  const drawer = (
    <DealFormDrawer
      open={editing.mode !== 'closed' || newDealRequested}
      deal={editing.mode === 'edit' ? editing.deal : null}
      suggestedCode={suggestedCode}
      onClose={closeForm}
    />
  );

  if (rows.length === 0) {
    return (
      <>
        <EmptyPortfolio
          onCreate={openCreate}
          onLoadSample={() => void sample.load()}
          progress={sample.progress}
        />
        {drawer}
      </>
    );
  }

  return (
    <Flex
      vertical
      gap={12}
      style={{ height: '100%', minHeight: 0, padding: 16, boxSizing: 'border-box' }}
    >
      <PortfolioToolbar
        filter={filter}
        onFilter={setFilter}
        columns={columns}
        onColumns={onColumns}
        stages={stages ?? []}
        people={people ?? []}
        accounts={accounts ?? []}
        shown={shown.length}
        total={rows.length}
        onNewDeal={openCreate}
        exchange={exchange}
      />
      <div
        ref={tableArea}
        style={{
          flex: 1,
          minHeight: 0,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <PortfolioGrid
          rows={shown}
          columns={columns}
          sort={sort}
          onSort={setStoredSort}
          height={height}
          dealHref={dealHref}
          onEdit={onEdit}
          onDelete={onDelete}
        />
      </div>
      {drawer}
    </Flex>
  );
}
