import { AppShell } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULTS, type CustomerStatus, type Segment, type SortKey, type ViewQuery } from './bindings';
import { CustomerDrawer } from './components/CustomerDrawer';
import { CustomerList } from './components/CustomerList';
import { RelationActionsProvider } from './components/RelationActions';
import { BookActionsProvider } from './components/book/BookActions';
import { DemoBanner } from './components/DemoBanner';
import { Header, type Page } from './components/Header';
import { SignInModal } from './components/SignInModal';
import { StatsCards } from './components/StatsCards';
import { useLiveUpdates } from './hooks/useLiveUpdates';
import { fromViewQuery } from './segments/viewQuery';

// The charts (recharts) are a chunk of their own, loaded when Insights is first opened: the
// customer list, which every launch shows first, does not wait for them to be parsed.
const InsightsView = lazy(() => import('./components/InsightsView').then((m) => ({ default: m.InsightsView })));

export type ListView = {
  search: string;
  status: CustomerStatus | null;
  /** Who to call (docs/rules.md §10); combines with the rest. */
  segment: Segment | null;
  /** A customer must have all of them (docs/rules.md §9). */
  tags: string[];
  sort: SortKey;
  descending: boolean;
};

export function App() {
  if (performance.getEntriesByName('app-render').length === 0) performance.mark('app-render');
  useLiveUpdates();
  const [searchText, setSearchText] = useState('');
  // No debounce: every keystroke queries at once (useCustomerPages drops stale answers and
  // keeps the previous rows up until the new ones arrive).
  const search = searchText.trim();
  const [status, setStatus] = useState<CustomerStatus | null>(null);
  const [segment, setSegment] = useState<Segment | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [sort, setSort] = useState<SortKey>(DEFAULTS.sort);
  const [descending, setDescending] = useState<boolean>(DEFAULTS.descending[DEFAULTS.sort]);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [signInOpen, setSignInOpen] = useState(false);
  const [page, setPage] = useState<Page>('customers');
  const view = useMemo<ListView>(() => ({ search, status, segment, tags, sort, descending }), [search, status, segment, tags, sort, descending]);
  // The header (export) reads the view when asked instead of taking it as a prop, so the
  // memoised panels (header, stats, drawer) do not re-render on every search keystroke.
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  const getView = useCallback(() => viewRef.current, []);
  const openSignIn = useCallback(() => setSignInOpen(true), []);
  const closeSignIn = useCallback(() => setSignInOpen(false), []);
  const closeDetail = useCallback(() => setDetailId(null), []);
  const onSort = useCallback((key: SortKey) => {
    setSort(key);
    setDescending(DEFAULTS.descending[key]);
  }, []);
  const applyView = useCallback((q: ViewQuery) => {
    const v = fromViewQuery(q);
    setSearchText(v.search);
    setStatus(v.status);
    setTags(v.tags);
    setSegment(v.segment);
    setSort(v.sort);
    setDescending(v.descending);
  }, []);

  return (
    <RelationActionsProvider>
      <BookActionsProvider onOpenCustomer={setDetailId}>
      <AppShell header={{ height: 56 }} padding={0}>
        <AppShell.Header>
          <Header getView={getView} onSignIn={openSignIn} page={page} onPage={setPage} />
        </AppShell.Header>
        <AppShell.Main className="appMain">
          <div className="page">
            <DemoBanner onSignIn={openSignIn} />
            {/* Kept mounted on the Insights page so the list keeps its place and selection. */}
            <div className="pageView" style={page === 'customers' ? undefined : { display: 'none' }} data-testid="customers-page">
              <StatsCards view={view} onFilter={applyView} />
              <CustomerList
                view={view}
                searchText={searchText}
                onSearchText={setSearchText}
                onStatus={setStatus}
                onSegment={setSegment}
                onApplyView={applyView}
                onTags={setTags}
                onSort={onSort}
                onDescending={setDescending}
                onOpen={setDetailId}
                onSignIn={openSignIn}
                keysPaused={detailId !== null || signInOpen || page !== 'customers'}
              />
            </div>
            {page === 'insights' && (
              <Suspense fallback={<div className="pageView insightsView" data-testid="insights-loading" />}>
                <InsightsView onOpen={setDetailId} />
              </Suspense>
            )}
          </div>
        </AppShell.Main>
        <CustomerDrawer customerId={detailId} onClose={closeDetail} />
        <SignInModal opened={signInOpen} onClose={closeSignIn} />
      </AppShell>
      </BookActionsProvider>
    </RelationActionsProvider>
  );
}
