import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerDetail, CustomerRow } from '../bindings';
import { CustomerDrawer } from './CustomerDrawer';
import { BookActionsProvider } from './book/BookActions';
import { RelationActionsProvider } from './RelationActions';

const customer = {
  customer_id: 7, first_name: 'सीता', last_name: 'Sharma', email: 'sita@example.com', phone: null, city: 'Pokhara', avatar_url: null,
  status: 'regular', total_bookings: 6, cancelled_bookings: 0, total_spent: '1200.00', average_rating: null, review_count: 0,
  first_booking_at: '2026-01-02T10:00:00Z', last_booking_at: '2026-03-01T10:00:00Z', last_visit_on: null, next_visit_on: null,
  days_since_last_booking: 3, is_favorite: false, is_blocked: false, blocked_reason: null, notes: 'likes tea', tags: [],
  last_service: { title: 'Haircut', date: '2026-03-01', amount: '200.00' },
  source: 'platform', archived: false, cadence_days: null, overdue_days: null, visit_dated_on: null,
} as CustomerRow;
const detail: CustomerDetail = { customer, date_joined: null, bookings: [], bookings_total: 0, bookings_page: 1, bookings_page_size: 10, reviews: [] };

const esc = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

describe('CustomerDrawer with the notes editor on top', () => {
  afterEach(() => clearMocks());

  it('Esc with unsaved notes asks first and leaves the drawer open', async () => {
    mockIPC((cmd) => (cmd === 'get_customer' ? detail : null));
    const onClose = vi.fn();
    render(
      <MantineProvider>
        <Notifications />
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <RelationActionsProvider>
            <BookActionsProvider onOpenCustomer={() => {}}>
              <CustomerDrawer customerId={7} onClose={onClose} />
            </BookActionsProvider>
          </RelationActionsProvider>
        </QueryClientProvider>
      </MantineProvider>,
    );
    fireEvent.click(await screen.findByTestId('detail-edit-notes'));
    fireEvent.change(await screen.findByTestId('notes-textarea'), { target: { value: 'likes tea, gate code 4411' } });
    esc();
    expect(await screen.findByText('Discard changes?')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('discard-confirm-button'));
    await waitFor(() => expect(screen.queryByTestId('notes-textarea')).not.toBeInTheDocument());
    // Discarding closed the editor only; the drawer is still there with the saved notes.
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('detail-notes')).toHaveTextContent('likes tea');
    // With no dialog on top, Esc closes the drawer.
    esc();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
