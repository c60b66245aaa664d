// Page-by-index loading for the virtual list: only the pages under the viewport (and the ones
// just ahead of it) are fetched, so jumping with the scrollbar to row 90,000 costs one or two
// requests, not 900.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import type { CustomerQuery } from '../bindings';
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

/**
 * Every keystroke queries at once: the search is part of each query key, so an answer to an
 * older search lands in its own cache entry and is never shown for the new one. Page 1 keeps
 * the previous answer on screen (rows, count and status counts) until the new one arrives.
 */
export function useCustomerPages(base: Omit<CustomerQuery, 'page' | 'page_size'>, visible: [number, number]) {
  const q = (page: number): CustomerQuery => ({ ...base, page, page_size: PAGE_SIZE });
  const first = useQuery({
    queryKey: qk.customers(q(1)),
    queryFn: () => commands.listCustomers(q(1)),
    placeholderData: keepPreviousData,
  });
  const count = first.data?.count ?? 0;
  // Other pages show skeletons until they arrive (keeping the previous data there would put
  // another page's rows in their place); reading ahead makes that rare.
  const pages = pagesAround(visible[0], visible[1], count).filter((p) => p !== 1);
  const rest = useQueries({
    queries: pages.map((p) => ({ queryKey: qk.customers(q(p)), queryFn: () => commands.listCustomers(q(p)), enabled: !first.isPlaceholderData })),
  });
  const rowAt = (index: number): CustomerRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE) + 1;
    const data = page === 1 ? first.data : rest[pages.indexOf(page)]?.data;
    return data?.results[index % PAGE_SIZE];
  };
  return { first, rowAt };
}
