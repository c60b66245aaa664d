import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerPage } from '../bindings';
import type { CustomerRow } from '../bindings';
import { qk } from '../queryKeys';
import { toast } from '../toast';
import { useRelationEdit } from './useRelationEdit';

vi.mock('../toast', () => ({ toast: { success: vi.fn(), error: vi.fn(), info: vi.fn() } }));

const row: CustomerRow = {
  customer_id: 7, source: 'platform', archived: false, first_name: 'सीता', last_name: 'Sharma', email: 's@example.com', phone: null, city: null, avatar_url: null,
  status: 'returning', total_bookings: 2, cancelled_bookings: 0, total_spent: '100.00', average_rating: null, review_count: 0,
  first_booking_at: '2026-01-01T00:00:00Z', last_booking_at: '2026-02-01T00:00:00Z', last_visit_on: null, next_visit_on: null,
  days_since_last_booking: 3, is_favorite: false, is_blocked: false, blocked_reason: null, notes: '', tags: [],
  last_service: { title: 'Cut', date: '2026-02-01', amount: '50.00' }, cadence_days: null, overdue_days: null, visit_dated_on: null,
};
const query = { sort: 'last_booking' as const, descending: true, page: 1, page_size: 100 };
const page: CustomerPage = {
  count: 1, page: 1, page_size: 100, total_pages: 1,
  status_counts: { all: 1, new: 0, returning: 1, regular: 0, favorite: 0, blocked: 0, archived: 0 }, results: [row],
};

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(qk.customers(query), page);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useRelationEdit(), { wrapper });
  const cached = () => client.getQueryData<CustomerPage>(qk.customers(query))!.results[0];
  return { result, cached };
}

describe('useRelationEdit', () => {
  beforeEach(() => vi.clearAllMocks());
  afterEach(() => clearMocks());

  it('shows the edit at once and rolls it back with an error toast when the store refuses', async () => {
    let reject!: (e: unknown) => void;
    mockIPC((cmd) => {
      expect(cmd).toBe('edit_relation');
      return new Promise((_, r) => (reject = r));
    });
    const { result, cached } = setup();
    act(() => result.current.mutate({ customer: row, edit: { field: 'favorite', value: true } }));
    await waitFor(() => expect(cached().is_favorite).toBe(true));
    reject({ code: 'storage', message: 'database is locked' });
    await waitFor(() => expect(cached().is_favorite).toBe(false));
    expect(toast.error).toHaveBeenCalledWith('सीता Sharma was not changed.', { code: 'storage', message: 'database is locked' });
    expect(toast.success).not.toHaveBeenCalled();
  });

  it('replaces the row with the one the core returns and passes camelCase arguments', async () => {
    const calls: unknown[] = [];
    mockIPC((_cmd, args) => {
      calls.push(args);
      return { ...row, is_favorite: true, status: 'favorite' };
    });
    const { result, cached } = setup();
    act(() => result.current.mutate({ customer: row, edit: { field: 'favorite', value: true } }));
    await waitFor(() => expect(cached().status).toBe('favorite'));
    expect(calls[0]).toEqual({ customerId: 7, edit: { field: 'favorite', value: true } });
    expect(toast.success).toHaveBeenCalledWith('सीता Sharma added to favourites');
  });

  it('does not change the status badge optimistically (the core decides it)', async () => {
    mockIPC(() => new Promise(() => {}));
    const { result, cached } = setup();
    act(() => result.current.mutate({ customer: row, edit: { field: 'blocked', value: true, reason: 'no-shows' } }));
    await waitFor(() => expect(cached().is_blocked).toBe(true));
    expect(cached().blocked_reason).toBe('no-shows');
    expect(cached().status).toBe('returning');
  });
});
