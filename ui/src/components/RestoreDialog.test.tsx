import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../bindings';
import { BackupMenu } from './BackupMenu';

const dir = '/home/me/.local/share/clientele/backups';
const backups: BackupInfo[] = [
  { path: `${dir}/clientele-2026-11-24-174500.db`, file_name: 'clientele-2026-11-24-174500.db', kind: 'regular', schema_version: null, taken_at: '2026-11-24T12:00:00.000000Z', bytes: 2_097_152 },
  { path: `${dir}/clientele-2026-11-20-090000-premigrate-v6.db`, file_name: 'clientele-2026-11-20-090000-premigrate-v6.db', kind: 'pre_migrate', schema_version: 6, taken_at: '2026-11-20T03:15:00.000000Z', bytes: 1_048_576 },
];

describe('Restore from a backup…', () => {
  afterEach(() => clearMocks());

  it('lists the backups, restores the chosen one after a confirmation, and says where the old book went', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'list_backups') return backups;
      if (cmd === 'restore_backup')
        return { path: '/db', restored_from: backups[1].path, snapshot: { ...backups[0], file_name: 'clientele-2026-11-24-180000-prerestore.db', path: `${dir}/clientele-2026-11-24-180000-prerestore.db`, kind: 'pre_restore' }, set_aside: null, customers: 40 };
      return null;
    });
    render(
      <MantineProvider>
        <Notifications />
        <QueryClientProvider client={new QueryClient()}>
          <ModalsProvider>
            <BackupMenu />
          </ModalsProvider>
        </QueryClientProvider>
      </MantineProvider>,
    );
    fireEvent.click(screen.getByTestId('backup-menu'));
    fireEvent.click(await screen.findByTestId('restore-open'));
    const choices = await screen.findAllByTestId('restore-choice');
    expect(choices).toHaveLength(2);
    expect(screen.getByText(/Before an update of the database · 1.0 MB/)).toBeInTheDocument();
    expect(screen.getByTestId('restore-confirm')).toBeDisabled();
    fireEvent.click(choices[1]);
    fireEvent.click(screen.getByTestId('restore-confirm'));
    expect(await screen.findByText(/The book as it is now is saved as a backup first/)).toBeInTheDocument();
    expect(calls.map((c) => c.cmd)).not.toContain('restore_backup');
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(calls).toContainEqual({ cmd: 'restore_backup', args: { path: backups[1].path } }));
    expect(await screen.findByTestId('toast-success')).toHaveTextContent('clientele-2026-11-24-180000-prerestore.db');
  });
});
