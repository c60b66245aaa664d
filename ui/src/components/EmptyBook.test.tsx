import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../bindings';
import { qk } from '../queryKeys';
import { EmptyBook } from './EmptyBook';

function renderEmpty(signedIn: boolean, view: { search: string; status: null; tags: string[] } = { search: '', status: null, tags: [] }) {
  const client = new QueryClient();
  client.setQueryData(qk.syncStatus, { signed_in: signedIn } as SyncStatus);
  const actions = { onAddCustomer: vi.fn(), onImport: vi.fn(), onSignIn: vi.fn(), onLoadSample: vi.fn(), onClear: vi.fn() };
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <EmptyBook view={view} {...actions} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return actions;
}

describe('EmptyBook', () => {
  it('offers buttons, each calling its action, and never asks to type a command', () => {
    const a = renderEmpty(false);
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Add customer', 'Import a list', 'Sign in', 'Load sample data']);
    fireEvent.click(screen.getByText('Add customer'));
    fireEvent.click(screen.getByText('Import a list'));
    fireEvent.click(screen.getByText('Sign in'));
    fireEvent.click(screen.getByText('Load sample data'));
    expect([a.onAddCustomer, a.onImport, a.onSignIn, a.onLoadSample].map((f) => f.mock.calls.length)).toEqual([1, 1, 1, 1]);
    expect(screen.getByTestId('empty-state').textContent).not.toMatch(/clientele demo|\brun\b|command|terminal/i);
  });

  it('leaves out "Sign in" when already signed in', () => {
    renderEmpty(true);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Add customer', 'Import a list', 'Load sample data']);
  });

  it('offers to clear a search that matches nobody instead', () => {
    const a = renderEmpty(false, { search: 'zzz', status: null, tags: [] });
    expect(screen.getByText('No customers match')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('clear-filters'));
    expect(a.onClear).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Add customer')).not.toBeInTheDocument();
  });
});
