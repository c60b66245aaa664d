import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoBanner } from '../components/DemoBanner';
import { qk } from '../queryKeys';

describe('the sample book', () => {
  afterEach(() => clearMocks());

  it('"Start my own book" leaves the sample and reloads every query', async () => {
    const calls: string[] = [];
    let demo = true;
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'leave_sample') {
        demo = false;
        return null;
      }
      if (cmd === 'app_info') return { demo, db_path: '/x/clientele.db', currency: 'NPR', version: '0', default_export_name: 'c.csv' };
      return null;
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <DemoBanner onSignIn={() => {}} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    fireEvent.click(await screen.findByTestId('demo-leave'));
    await waitFor(() => expect(calls).toContain('leave_sample'));
    // The banner goes once the app reports the real book.
    await waitFor(() => expect(screen.queryByTestId('demo-banner')).toBeNull());
    expect(client.getQueryData(qk.appInfo)).toMatchObject({ demo: false });
  });
});
