import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListView } from '../App';
import { ExportMenu } from './ExportMenu';

const view: ListView = { search: 'ram', status: 'blocked', segment: null, tags: ['VIP', 'Walk-in'], sort: 'last_booking', descending: true };

function renderMenu() {
  render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={new QueryClient()}>
        <ExportMenu getView={() => view} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('ExportMenu', () => {
  afterEach(() => clearMocks());

  it('exports the current view (search, status and tags) to Excel and says where it went', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return { path: '/home/me/customers-2026-11-24.xlsx', rows: 2, bytes: 6200 };
    });
    renderMenu();
    fireEvent.click(screen.getByTestId('export-button'));
    expect(await screen.findByText('Export to Excel (.xlsx)')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('export-xlsx-view'));
    const toast = await screen.findByTestId('toast-success');
    expect(toast).toHaveTextContent('Exported 2 customers');
    expect(toast).toHaveTextContent('customers-2026-11-24.xlsx');
    expect(calls).toEqual([{ cmd: 'export_xlsx', args: { filter: { search: 'ram', status: 'blocked', tags: ['VIP', 'Walk-in'] } } }]);
  });

  it('keeps the CSV items, and a closed dialog is "Export cancelled"', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    renderMenu();
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByTestId('export-all'));
    expect(await screen.findByText('Export cancelled')).toBeInTheDocument();
    expect(calls).toEqual(['export_csv']);
  });

  it('is busy while the save dialog is open and free again when it is cancelled', async () => {
    let answer!: (v: unknown) => void;
    mockIPC(() => new Promise((res) => (answer = res)));
    renderMenu();
    const button = screen.getByTestId('export-button');
    fireEvent.click(button);
    fireEvent.click(await screen.findByTestId('export-all'));
    await waitFor(() => expect(button).toHaveAttribute('data-busy', 'true'));
    expect(button).toBeDisabled();
    await act(async () => answer(null)); // the command's "cancelled"
    await waitFor(() => expect(button).toHaveAttribute('data-busy', 'false'));
    expect(button).toBeEnabled();
    expect(await screen.findByText('Export cancelled')).toBeInTheDocument();
  });

  it('is free again after an error, and the toast is titled by the error code', async () => {
    mockIPC(() => Promise.reject({ code: 'io', message: 'permission denied writing /mnt/usb/customers.csv' }));
    renderMenu();
    const button = screen.getByTestId('export-button');
    fireEvent.click(button);
    fireEvent.click(await screen.findByTestId('export-view'));
    const toast = await screen.findByTestId('toast-error');
    expect(toast).toHaveTextContent('A file could not be read or written');
    expect(toast).toHaveTextContent('Nothing was exported. Permission denied writing /mnt/usb/customers.csv.');
    expect(button).toHaveAttribute('data-busy', 'false');
    expect(button).toBeEnabled();
  });
});
