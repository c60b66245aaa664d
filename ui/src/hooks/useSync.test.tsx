import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSync } from './useSync';

describe('useSync', () => {
  afterEach(() => clearMocks());

  it('starts a sync as soon as the account becomes signed in, once', async () => {
    let signedIn = false;
    const syncs: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'sync_status') return { signed_in: signedIn };
      if (cmd === 'sync_now') {
        syncs.push(args);
        return { bookings_new: 0, bookings_updated: 0, reviews_new: 0, reviews_updated: 0, pushed: 0 };
      }
      return null;
    }, { shouldMockEvents: true });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result, unmount } = renderHook(() => useSync(() => {}), { wrapper });
    await waitFor(() => expect(result.current.status.data?.signed_in).toBe(false));
    expect(syncs).toHaveLength(0);
    signedIn = true;
    await client.refetchQueries();
    await waitFor(() => expect(syncs).toHaveLength(1));
    expect(syncs[0]).toMatchObject({ full: false });
    await client.refetchQueries();
    expect(syncs).toHaveLength(1);
    // Unlisten the progress events while the IPC mock is still installed.
    unmount();
    await new Promise((r) => setTimeout(r, 0));
  });
});
