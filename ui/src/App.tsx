import { AppShell } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULTS, type CustomerStatus, type SortKey } from './bindings';
import { CustomerDrawer } from './components/CustomerDrawer';
import { CustomerList } from './components/CustomerList';
import { RelationActionsProvider } from './components/RelationActions';
import { BookActionsProvider } from './components/book/BookActions';
import { DemoBanner } from './components/DemoBanner';
import { Header, type Page } from './components/Header';
import { InsightsView } from './components/InsightsView';
import { SignInModal } from './components/SignInModal';
import { StatsCards } from './components/StatsCards';
import { useLiveUpdates } from './hooks/useLiveUpdates';
import { toast } from './toast';

export type ListView = {
  search: string;
  status: CustomerStatus | null;
  /** A customer must have all of them (docs/rules.md §9). */
  tags: string[];
  sort: SortKey;
  descending: boolean;
};

// Adding customers, importing a list and loading sample data from the empty book are being
// built; until they land the buttons say so.
const comingSoon = (what: string) => () => toast.info('Coming in this version', `${what} is on its way in this version of Clientele.`);
const onAddCustomer = comingSoon('Adding a customer yourself');
const onImport = comingSoon('Importing a list of customers');
const onLoadSample = comingSoon('Loading sample data from here');

export function App() {
  useLiveUpdates();
  const [searchText, setSearchText] = useState('');
  // No debounce: every keystroke queries at once (useCustomerPages drops stale answers and
  // keeps the previous rows up until the new ones arrive).
  const search = searchText.trim();
  const [status, setStatus] = useState<CustomerStatus | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [sort, setSort] = useState<SortKey>(DEFAULTS.sort);
  const [descending, setDescending] = useState<boolean>(DEFAULTS.descending[DEFAULTS.sort]);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [signInOpen, setSignInOpen] = useState(false);
  // Stable identities: the memoised panels below (stats, charts, activity, header) must not
  // re-render on every search keystroke — only the list depends on the search.
  const view = useMemo<ListView>(() => ({ search, status, tags, sort, descending }), [search, status, tags, sort, descending]);
  const openSignIn = useCallback(() => setSignInOpen(true), []);
  const closeSignIn = useCallback(() => setSignInOpen(false), []);
  const closeDetail = useCallback(() => setDetailId(null), []);
  const onSort = useCallback((key: SortKey) => {
    setSort(key);
    setDescending(DEFAULTS.descending[key]);
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
                <StatsCards />
                <CustomerList
                  view={view}
                  searchText={searchText}
                  onSearchText={setSearchText}
                  onStatus={setStatus}
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
