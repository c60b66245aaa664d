import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../bindings';
import type { CustomerRow } from '../bindings';
import { qk } from '../queryKeys';
import { RelationActionsProvider } from './RelationActions';
import { RelationButtons } from './RelationButtons';

const row = {
  customer_id: 9, first_name: 'Hari', last_name: 'Gurung', is_favorite: false, is_blocked: false,
  blocked_reason: null, notes: '', status: 'new',
} as unknown as CustomerRow;

/** Reads the customer from the detail cache, as the drawer does. */
function Probe() {
  // The refetch after the edit never answers here, so the cache shows what the mutation left.
  const { data } = useQuery<CustomerDetail>({ queryKey: qk.customerPage(9, 1), queryFn: () => new Promise(() => {}) });
  return data ? <RelationButtons customer={data.customer} /> : null;
}

describe('RelationButtons in the page', () => {
  afterEach(() => clearMocks());

  it('flips the star at once, then rolls back and shows the error toast when the store refuses', async () => {
    let reject!: (e: unknown) => void;
    mockIPC((cmd) => (cmd === 'edit_relation' ? new Promise((_, r) => (reject = r)) : null));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(qk.customerPage(9, 1), { customer: row } as CustomerDetail);
    render(
      <MantineProvider>
        <Notifications />
        <QueryClientProvider client={client}>
          <RelationActionsProvider>
            <Probe />
          </RelationActionsProvider>
        </QueryClientProvider>
      </MantineProvider>,
    );
    const star = () => screen.getByTestId('favorite-toggle');
    expect(star()).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(star());
    await waitFor(() => expect(star()).toHaveAttribute('aria-pressed', 'true'));
    await act(async () => reject({ code: 'conflict', message: 'The marketplace refused this change.' }));
    await waitFor(() => expect(star()).toHaveAttribute('aria-pressed', 'false'));
    const toast = await screen.findByTestId('toast-error');
    // Titled by the code (errors.ts), the message says what failed and why.
    expect(toast).toHaveTextContent('Not possible right now');
    expect(toast).toHaveTextContent('Hari Gurung was not changed. The marketplace refused this change.');
  });
});
