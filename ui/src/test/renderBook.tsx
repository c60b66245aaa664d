// Renders a piece of the customer book with the providers the app has (Mantine, toasts,
// confirm modals, TanStack Query) and records the commands it sends through mockIPC.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { ReactNode } from 'react';
import type { CustomerRow } from '../bindings';

// jsdom has no scrolling; the list scrolls to the top on every new view.
Element.prototype.scrollTo ??= () => {};

export type Call = { cmd: string; args: Record<string, unknown> };
type Answer = (args: Record<string, unknown>) => unknown;
type Json = object | string | number | boolean | null;

/** Answers commands from `answers` (a missing one answers null) and records every call. */
export function mockCommands(answers: Record<string, Answer | Json>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = answers[cmd];
    return typeof answer === 'function' ? (answer as Answer)(a) : (answer ?? null);
  });
  return calls;
}

export const callsOf = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);

export function renderBook(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <ModalsProvider>
          <Notifications />
          {ui}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

export function row(over: Partial<CustomerRow> = {}): CustomerRow {
  return {
    customer_id: 101, source: 'platform', archived: false, first_name: 'Sita', last_name: 'Sharma', email: 'sita@example.com', phone: '9801234567',
    city: 'Pokhara', avatar_url: null, status: 'returning', total_bookings: 2, cancelled_bookings: 0, total_spent: '1600.00', average_rating: null,
    review_count: 0, first_booking_at: '2026-01-01T10:00:00Z', last_booking_at: '2026-02-01T10:00:00Z', last_visit_on: '2026-02-01', next_visit_on: null,
    days_since_last_booking: 3, is_favorite: false, is_blocked: false, blocked_reason: null, notes: '', tags: [], last_service: null,
    cadence_days: null, overdue_days: null, visit_dated_on: null, ...over,
  } as CustomerRow;
}
