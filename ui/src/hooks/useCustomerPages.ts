// Page-by-index loading for the virtual list: only the pages under the viewport are fetched,
// so jumping with the scrollbar to row 90,000 costs one request, not 900.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import type { CustomerQuery } from '../bindings';
import type { CustomerRow } from '../bindings';
import { qk } from '../queryKeys';

export const PAGE_SIZE = 100;

export function pagesFor(indexes: number[]): number[] {
  return [...new Set(indexes.map((i) => Math.floor(i / PAGE_SIZE) + 1))].sort((a, b) => a - b);
}

export function useCustomerPages(base: Omit<CustomerQuery, 'page' | 'page_size'>, visible: number[]) {
  const q = (page: number): CustomerQuery => ({ ...base, page, page_size: PAGE_SIZE });
  // Page 1 carries the count and the status counts; keep the old ones while a new search loads.
  const first = useQuery({
    queryKey: qk.customers(q(1)),
    queryFn: () => commands.listCustomers(q(1)),
    placeholderData: keepPreviousData,
  });
  const pages = pagesFor(visible).filter((p) => p !== 1);
  const rest = useQueries({
    queries: pages.map((p) => ({ queryKey: qk.customers(q(p)), queryFn: () => commands.listCustomers(q(p)) })),
  });
  const rowAt = (index: number): CustomerRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE) + 1;
    const data = page === 1 ? first.data : rest[pages.indexOf(page)]?.data;
    return data?.results[index % PAGE_SIZE];
  };
  return { first, rowAt };
}
