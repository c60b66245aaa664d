import { Paper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ListView } from '../App';
import type { CustomerStatus } from '../bindings';
import type { SortKey } from '../bindings';
import { formatCount } from '../format';
import { useCurrency } from '../hooks/useAppInfo';
import { listBase, useCustomerPages } from '../hooks/useCustomerPages';
import { useListKeys } from '../hooks/useListKeys';
import { useSampleBook } from '../hooks/useSampleBook';
import { COMPACT_ROW_HEIGHT, COMPACT_ROWS_BELOW, CustomerRowView, ROW_HEIGHT, RowSkeleton } from './CustomerRowView';
import { EmptyBook, type EmptyBookActions } from './EmptyBook';
import { ErrorState } from './ErrorState';
import { ListToolbar } from './ListToolbar';
import { SegmentBar } from '../segments/SegmentBar';
import type { Segment, ViewQuery } from '../bindings';
import { BookBar } from './book/BookBar';
import { TagFilter } from './book/TagFilter';
import { useBookActions } from './book/bookActionsContext';

type Props = Pick<EmptyBookActions, 'onSignIn'> & {
  view: ListView;
  searchText: string;
  onSearchText: (s: string) => void;
  onStatus: (s: CustomerStatus | null) => void;
  onTags: (tags: string[]) => void;
  onSegment: (s: Segment | null) => void;
  /** A saved view: every filter and the sort at once. */
  onApplyView: (q: ViewQuery) => void;
  onSort: (k: SortKey) => void;
  onDescending: (d: boolean) => void;
  onOpen: (id: number) => void;
  /** While a drawer or dialog is open (or the list is not shown) the arrow keys are not the list's. */
  keysPaused: boolean;
};

const HEADER_HEIGHT = 34;

/**
 * The customer list fills the height it is given (App lays the page out as a column that does
 * not scroll); only the rows scroll, under a header and a toolbar that stay put.
 */
export function CustomerList(props: Props) {
  const { view, onOpen, onSearchText, onStatus, onSegment, onTags } = props;
  const book = useBookActions();
  const sample = useSampleBook();
  const onClear = useCallback(() => {
    onSearchText('');
    onStatus(null);
    onSegment(null);
    onTags([]);
  }, [onSearchText, onStatus, onSegment, onTags]);
  const currency = useCurrency();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  const base = listBase(view);
  // The rows on screen come from the virtualizer, which needs the count first: the pages are
  // asked for in the same render as the rows that need them (a state set in an effect cost
  // a second render before any request went out after a jump).
  const [count, setCount] = useState(0);
  const rowHeight = useMediaQuery(COMPACT_ROWS_BELOW, false, { getInitialValueInEffect: false }) ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;

  // The React Compiler is not used; TanStack Virtual's unstable function identities are fine here.
  const prefetchRef = useRef<(from: number, to: number) => void>(() => {});
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    onChange: (v) => {
      const vis = v.getVirtualItems();
      if (vis.length) prefetchRef.current(vis[0].index, vis[vis.length - 1].index);
    },
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Fixed-height rows: the estimate is exact and rows are never measured. A few rows of
    // overscan (a new search re-renders every mounted row); data is read further ahead by page.
    overscan: 6,
    // Rows start below the sticky header; keyboard scrolling keeps them out from under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { first, rowAt, prefetch } = useCustomerPages(base, [firstIndex, lastIndex]);
  useEffect(() => {
    prefetchRef.current = prefetch;
  });
  const answered = first.data?.count ?? 0;
  if (answered !== count) setCount(answered);

  // A new search/filter/sort starts at the top.
  const viewKey = JSON.stringify(base);
  useEffect(() => {
    setSelected(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [viewKey]);

  useListKeys({
    count,
    selected,
    paused: props.keysPaused,
    onMove: (to) => {
      setSelected(to);
      virtualizer.scrollToIndex(to, { align: 'auto' });
    },
    onEnter: () => {
      const row = rowAt(selected);
      if (row) onOpen(row.customer_id);
    },
  });

  if (count > 0 && performance.getEntriesByName('rows-render').length === 0) performance.mark('rows-render');
  useLayoutEffect(() => {
    if (count > 0 && performance.getEntriesByName('rows-commit').length === 0) performance.mark('rows-commit');
  }, [count]);
  const empty = count === 0 && !first.isPending;
  const shown = count > 0;
  useEffect(() => {
    // The launch measurement (e2e/measure.js) reads this mark: the first real rows on screen.
    if (shown && performance.getEntriesByName('first-rows').length === 0) performance.mark('first-rows');
  }, [shown]);
  return (
    <Paper className="card listCard" radius="md" data-testid="customer-list">
      <ListToolbar {...props} counts={first.data?.status_counts} filters={<TagFilter tags={view.tags} onTags={onTags} />} actions={<BookBar />} />
      <SegmentBar view={view} onSegment={props.onSegment} onApplyView={props.onApplyView} />
      {first.isError ? (
        <ErrorState title="Could not load customers" error={first.error} onRetry={() => void first.refetch()} />
      ) : (
        <div className="listFrame">
          <div
            ref={scrollRef}
            tabIndex={0}
            role="grid"
            aria-rowcount={count}
            aria-label="Customers"
            data-testid="customer-list-scroll"
            className="listScroll"
            style={{ '--row-h': `${rowHeight}px` } as React.CSSProperties}
          >
            {/* Inside the scroller so header and rows share its width (classic scrollbars). */}
            <div className="listGrid listHeader" role="row" style={{ height: HEADER_HEIGHT }}>
              <span>Customer</span>
              <span>Phone · City</span>
              <span>Status</span>
              <span className="right">Bookings</span>
              <span className="right">Spent</span>
              <span className="right">Rating</span>
              <span>Last booked</span>
              <span>Next visit</span>
              <span />
            </div>
            {first.isPending ? (
              Array.from({ length: 12 }, (_, i) => <RowSkeleton key={i} />)
            ) : empty ? (
              <EmptyBook
                view={view}
                onClear={onClear}
                onAddCustomer={book.addCustomer}
                onImport={book.importList}
                onSignIn={props.onSignIn}
                onLoadSample={() => sample.open.mutate()}
              />
            ) : (
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const row = rowAt(item.index);
                  return (
                    <div key={item.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}>
                      {row ? (
                        <CustomerRowView customer={row} index={item.index} currency={currency} selected={item.index === selected} onSelect={setSelected} onOpen={onOpen} />
                      ) : (
                        <RowSkeleton />
                      )}
                    </div>
                  );
                })}
              </div>
            )}
          </div>
        </div>
      )}
      <div className="listFooter">
        <Text size="xs" c="dimmed" className="num" data-testid="result-count" aria-live="polite">
          {first.data ? `${formatCount(count)} ${count === 1 ? 'customer' : 'customers'}` : '\u00a0'}
        </Text>
        {count > 0 && (
          <Text size="xs" c="dimmed" className="truncate">
            ↑ ↓ select · Enter opens · / searches
          </Text>
        )}
      </div>
    </Paper>
  );
}
