// Shared by the segment tests: the providers, and IPC answered from the mock backend with
// every call recorded, so a test can assert what the UI asked the core for.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { ReactNode } from 'react';
import type { CustomerQuery } from '../bindings';
import { MockBackend } from '../mocks/backend';
import * as segments from '../mocks/segments';

export type Call = { cmd: string; args: Record<string, unknown> };

export function renderWithProviders(ui: ReactNode) {
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

/** The read commands the page sends, answered by the mock backend; `override` answers first. */
export function mockCore(override: (c: Call) => unknown = () => undefined) {
  const calls: Call[] = [];
  const backend = new MockBackend({ count: 80, signedIn: false, failEdits: false });
  const answer = (c: Call): unknown => {
    const mine = override(c);
    if (mine !== undefined) return mine;
    const a = c.args;
    switch (c.cmd) {
      case 'app_info':
        return { db_path: '/tmp/t.db', demo: true, currency: 'NPR', version: 'test', default_export_name: 'customers.csv' };
      case 'sync_status':
        return backend.sync;
      case 'list_customers':
        return backend.listCustomers(a.query as CustomerQuery);
      case 'get_stats':
        return backend.stats();
      case 'get_charts':
        return segments.charts(backend, (a.range as never) ?? null);
      case 'list_activity':
        return { activities: [], next_cursor: null };
      case 'segment_counts':
        return segments.segmentCounts(backend);
      case 'lapsed_days':
        return backend.lapsedDays;
      case 'list_views':
        return segments.listViews(backend);
      case 'list_tags':
        return [];
      case 'list_duplicates':
        return { group_count: 0, customer_count: 0, groups: [] };
    }
    // Anything else fails like a missing command, so a component shows its error state.
    throw { code: 'not_found', message: `test: no answer for ${c.cmd}` };
  };
  mockIPC((cmd, args) => {
    const c = { cmd, args: (args ?? {}) as Record<string, unknown> };
    calls.push(c);
    return answer(c);
  }, { shouldMockEvents: true });
  const queries = () => calls.filter((c) => c.cmd === 'list_customers').map((c) => c.args.query as CustomerQuery);
  return { backend, calls, queries, lastQuery: () => queries()[queries().length - 1] };
}
