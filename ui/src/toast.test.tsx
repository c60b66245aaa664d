import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toast } from './toast';

function renderToasts() {
  render(
    <MantineProvider>
      <Notifications limit={3} />
    </MantineProvider>,
  );
}

describe('toast', () => {
  it('titles an error by its code and keeps one toast per code', async () => {
    renderToasts();
    act(() => toast.error('The sync stopped.', { code: 'offline', message: 'cannot reach the marketplace: error sending request for url (https://api.example/x)' }));
    const first = await screen.findByTestId('toast-error');
    expect(first).toHaveTextContent('You are offline');
    expect(first).toHaveTextContent('The sync stopped. The marketplace could not be reached.');
    expect(first.textContent).not.toMatch(/https?:/);
    expect(first).toHaveAttribute('data-error-code', 'offline');
    // The same code again replaces it, it does not pile up.
    act(() => toast.error('Export stopped.', { code: 'offline', message: 'again' }));
    await waitFor(() => expect(screen.getByTestId('toast-error')).toHaveTextContent('Export stopped.'));
    expect(screen.getAllByTestId('toast-error')).toHaveLength(1);
    // Another code is its own toast, with its own title.
    act(() => toast.error('Sita Sharma was not changed.', { code: 'storage', message: 'database is locked' }));
    await waitFor(() => expect(screen.getAllByTestId('toast-error')).toHaveLength(2));
    expect(screen.getByText('The customer book could not be read or saved')).toBeInTheDocument();
  });

  it('does not repeat the same message', async () => {
    renderToasts();
    act(() => {
      toast.info('Export cancelled');
      toast.info('Export cancelled');
    });
    await screen.findByTestId('toast-info');
    expect(screen.getAllByTestId('toast-info')).toHaveLength(1);
  });
});
