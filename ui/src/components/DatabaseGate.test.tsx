import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo, DatabaseStatus } from '../bindings';
import { DatabaseGate } from './DatabaseGate';

const path = '/home/me/.local/share/clientele/clientele.db';
const backup: BackupInfo = {
  path: '/home/me/.local/share/clientele/backups/clientele-2026-11-24-174500.db',
  file_name: 'clientele-2026-11-24-174500.db',
  kind: 'regular',
  schema_version: null,
  taken_at: '2026-11-24T12:00:00.000000Z',
  bytes: 4096,
};
const damaged = (newest: BackupInfo | null): DatabaseStatus => ({
  path,
  error: { code: 'damaged', message: `${path} is damaged (Tree 12 page 60)` },
  newest_backup: newest,
});

function renderGate(answer: (cmd: string, args: unknown) => unknown) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return answer(cmd, args);
  });
  render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ModalsProvider>
          <DatabaseGate>
            <div data-testid="the-page">customers</div>
          </DatabaseGate>
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return calls;
}

describe('DatabaseGate', () => {
  afterEach(() => clearMocks());

  it('shows the page when the database opened', async () => {
    const calls = renderGate(() => ({ path, error: null, newest_backup: null }));
    expect(screen.getByTestId('the-page')).toBeInTheDocument();
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain('database_status'));
    expect(screen.queryByTestId('recovery-screen')).not.toBeInTheDocument();
  });

  it('replaces the page with one recovery screen; without a backup, restore is disabled and says why', async () => {
    renderGate(() => damaged(null));
    expect(await screen.findByText('This database is damaged')).toBeInTheDocument();
    expect(screen.queryByTestId('the-page')).not.toBeInTheDocument();
    expect(screen.getByTestId('recovery-restore')).toBeDisabled();
    expect(screen.getByTestId('recovery-restore-note')).toHaveTextContent('There is no backup of this database yet');
    expect(screen.getByTestId('recovery-open')).toBeEnabled();
    expect(screen.getByTestId('recovery-empty')).toBeEnabled();
  });

  it('restores the newest backup and then shows the page', async () => {
    let open = false;
    const calls = renderGate((cmd) => {
      if (cmd === 'database_status') return open ? { path, error: null, newest_backup: backup } : damaged(backup);
      if (cmd === 'restore_backup') {
        open = true;
        return { path, restored_from: backup.path, snapshot: null, set_aside: `${path}.damaged-20261124-174500`, customers: 3 };
      }
      return null;
    });
    fireEvent.click(await screen.findByTestId('recovery-restore'));
    expect(await screen.findByTestId('the-page')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'restore_backup')).toEqual([{ cmd: 'restore_backup', args: { path: backup.path } }]);
    expect(await screen.findByTestId('toast-success')).toHaveTextContent('clientele.db.damaged-20261124-174500');
  });

  it('starts an empty book only after a confirmation that names where the file goes', async () => {
    const calls = renderGate((cmd) => (cmd === 'database_status' ? damaged(null) : { path, set_aside: `${path}.damaged-x` }));
    fireEvent.click(await screen.findByTestId('recovery-empty'));
    expect(await screen.findByText(/is moved aside as/)).toBeInTheDocument();
    expect(calls.map((c) => c.cmd)).not.toContain('start_empty_book');
    fireEvent.click(screen.getByTestId('recovery-empty-confirm'));
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain('start_empty_book'));
  });

  it('offers another file or a retry for a missing folder, never an empty book', async () => {
    renderGate(() => ({ path, error: { code: 'db_folder_missing', message: 'the folder /x does not exist' }, newest_backup: null }));
    expect(await screen.findByText('The database folder does not exist')).toBeInTheDocument();
    expect(screen.getByTestId('recovery-open')).toBeInTheDocument();
    expect(screen.getByTestId('recovery-retry')).toBeInTheDocument();
    expect(screen.queryByTestId('recovery-empty')).not.toBeInTheDocument();
  });
});
