import { AppShell, Container, Grid, Stack } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { DEFAULTS, type CustomerStatus, type Segment, type SortKey, type ViewQuery } from './bindings';
import { ActivityTimeline } from './components/ActivityTimeline';
import { ChartsPanel } from './components/ChartsPanel';
import { CustomerDrawer } from './components/CustomerDrawer';
import { CustomerList } from './components/CustomerList';
import { RelationActionsProvider } from './components/RelationActions';
import { BookActionsProvider } from './components/book/BookActions';
import { DemoBanner } from './components/DemoBanner';
import { Header } from './components/Header';
import { SignInModal } from './components/SignInModal';
import { StatsCards } from './components/StatsCards';
import { useDebounced } from './hooks/useDebounced';
import { useLiveUpdates } from './hooks/useLiveUpdates';
import { fromViewQuery } from './segments/viewQuery';

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
  useLiveUpdates();
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 150);
  const [status, setStatus] = useState<CustomerStatus | null>(null);
  const [segment, setSegment] = useState<Segment | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [sort, setSort] = useState<SortKey>(DEFAULTS.sort);
  const [descending, setDescending] = useState<boolean>(DEFAULTS.descending[DEFAULTS.sort]);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [signInOpen, setSignInOpen] = useState(false);
  // Stable identities: the memoised panels below (stats, charts, activity, header) must not
  // re-render on every search keystroke — only the list depends on the search.
  const view = useMemo<ListView>(() => ({ search, status, segment, tags, sort, descending }), [search, status, segment, tags, sort, descending]);
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
        <AppShell header={{ height: 60 }} padding="md">
          <AppShell.Header>
            <Header view={view} onSignIn={openSignIn} />
          </AppShell.Header>
          <AppShell.Main>
            <Container size={1400} px={0}>
              <Stack gap="md">
                <DemoBanner onSignIn={openSignIn} />
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
                  detailOpen={detailId !== null || signInOpen}
                />
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, lg: 8 }}>
                    <ChartsPanel />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, lg: 4 }}>
                    <ActivityTimeline onOpen={setDetailId} />
                  </Grid.Col>
                </Grid>
              </Stack>
            </Container>
          </AppShell.Main>
          <CustomerDrawer customerId={detailId} onClose={closeDetail} />
          <SignInModal opened={signInOpen} onClose={closeSignIn} />
        </AppShell>
      </BookActionsProvider>
    </RelationActionsProvider>
  );
}
