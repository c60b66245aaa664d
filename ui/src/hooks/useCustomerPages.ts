// Page-by-index loading for the virtual list: only the pages under the viewport (and the ones
// just ahead of it) are fetched, so jumping with the scrollbar to row 90,000 costs one or two
// requests, not 900.
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { commands } from '../bindings';
import { DEFAULTS, type CustomerQuery } from '../bindings';
import type { ListView } from '../App';
import type { CustomerRow } from '../bindings';
import { qk } from '../queryKeys';

export const PAGE_SIZE = 100;

/**
 * Rows read ahead of the viewport, both ways: the next page is asked for while half a page is
 * still to go, so rows are there before they scroll into view.
 */
export const AHEAD = 50;

/** The 1-based pages holding rows `first - AHEAD` … `last + AHEAD` (within `count`). */
export function pagesAround(first: number, last: number, count: number): number[] {
  const lo = Math.max(0, first - AHEAD);
  const hi = Math.max(lo, Math.min(Math.max(count - 1, 0), last + AHEAD));
  const pages: number[] = [];
  for (let p = Math.floor(lo / PAGE_SIZE) + 1; p <= Math.floor(hi / PAGE_SIZE) + 1; p++) pages.push(p);
  return pages;
}

type ListBase = Omit<CustomerQuery, 'page' | 'page_size'>;

/** The list's query for a view (the page and size added per page). */
export function listBase(view: ListView): ListBase {
  const base: ListBase = { search: view.search || undefined, status: view.status ?? undefined, ...(view.tags.length ? { tags: view.tags } : {}), sort: view.sort, descending: view.descending };
  return view.segment ? { ...base, segment: view.segment } : base;
}

/** The list a launch shows: every customer, by the default sort. */
export const LAUNCH_VIEW: ListView = { search: '', status: null, segment: null, tags: [], sort: DEFAULTS.sort, descending: DEFAULTS.descending[DEFAULTS.sort] };

/** One page's query: what the list renders from, reads ahead with, and main.tsx asks first. */
/** How long a page no list shows any more stays cached: every keystroke and jump leaves
 * pages behind, held 5 minutes by default (web process memory, docs/architecture.md). */
const PAGE_CACHE_MS = 20_000;

function pageOptions(base: ListBase, page: number) {
  const query: CustomerQuery = { ...base, page, page_size: PAGE_SIZE };
  return { queryKey: qk.customers(query), queryFn: () => commands.listCustomers(query), gcTime: PAGE_CACHE_MS };
}

/** The first page's query, with the launch marks; main.tsx asks it before React's first render. */
export function firstPageOptions(base: ListBase) {
  const { queryKey, queryFn } = pageOptions(base, 1);
  return { queryKey, queryFn: () => timedFirstList(queryFn) };
}

/**
 * Every keystroke queries at once: the search is part of each query key, so an answer to an
 * older search lands in its own cache entry and is never shown for the new one. Page 1 keeps
 * the previous answer on screen (rows, count and status counts) until the new one arrives.
 */
export function useCustomerPages(base: ListBase, visible: [number, number]) {
  const first = useQuery({ ...firstPageOptions(base), placeholderData: keepPreviousData });
  const count = first.data?.count ?? 0;
  // Other pages show skeletons until they arrive (keeping the previous data there would put
  // another page's rows in their place); reading ahead makes that rare.
  const pages = pagesAround(visible[0], visible[1], count).filter((p) => p !== 1);
  const rest = useQueries({
    queries: pages.map((p) => ({ ...pageOptions(base, p), enabled: !first.isPlaceholderData })),
  });
  // Called from the virtualizer's scroll callback, before React renders: a jump's pages are
  // asked for at the scroll event, not after the render that mounts their placeholders.
  const client = useQueryClient();
  const prefetch = (from: number, to: number) => {
    if (first.isPlaceholderData) return;
    for (const p of pagesAround(from, to, count)) if (p !== 1) void client.prefetchQuery(pageOptions(base, p));
  };
  const rowAt = (index: number): CustomerRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE) + 1;
    const data = page === 1 ? first.data : rest[pages.indexOf(page)]?.data;
    return data?.results[index % PAGE_SIZE];
  };
  return { first, rowAt, prefetch };
}

/** The launch marks around the first list request (e2e/measure.js reads them). */
async function timedFirstList<T>(ask: () => Promise<T>): Promise<T> {
  const first = performance.getEntriesByName('list-asked').length === 0;
  if (first) performance.mark('list-asked');
  const answer = await ask();
  if (first) performance.mark('list-answered');
  return answer;
}
