import { Button, Center, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDatabaseOff, IconFileImport, IconHistory, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commands, type DatabaseStatus, type ErrorPayload } from '../bindings';
import { fileName, formatDateTime } from '../format';
import { toast } from '../toast';

const TITLES: Partial<Record<ErrorPayload['code'], string>> = {
  damaged: 'This database is damaged',
  foreign: 'This is not a Clientele database',
  db_folder_missing: 'The database folder does not exist',
  read_only: 'The database is read-only',
};

/** What to do when the database does not open: one screen, three ways out. */
export function RecoveryScreen({ status, error }: { status: DatabaseStatus; error: ErrorPayload }) {
  const client = useQueryClient();
  // Whatever replaced the book, everything the page showed is stale.
  const reload = () => void client.invalidateQueries();
  const recoverable = error.code === 'damaged' || error.code === 'foreign';
  const backup = status.newest_backup;

  const openOther = useMutation({
    mutationFn: () => commands.openDatabase(),
    onSuccess: (path) => {
      if (path === null) return;
      toast.success('Opened another database', fileName(path));
      reload();
    },
    onError: (err) => toast.error('That database did not open', err),
  });
  const restore = useMutation({
    mutationFn: (path: string) => commands.restoreBackup(path),
    onSuccess: (r) => {
      toast.success('Backup restored', r.set_aside ? `The damaged file was kept as ${fileName(r.set_aside)}` : undefined);
      reload();
    },
    onError: (err) => toast.error('The backup could not be restored', err),
  });
  const startEmpty = useMutation({
    mutationFn: () => commands.startEmptyBook(),
    onSuccess: (r) => {
      toast.success('Started an empty book', `The old file was kept as ${fileName(r.set_aside)}`);
      reload();
    },
    onError: (err) => toast.error('Could not start an empty book', err),
  });
  const busy = openOther.isPending || restore.isPending || startEmpty.isPending;
  const confirmEmpty = () =>
    modals.openConfirmModal({
      title: 'Start an empty book?',
      children: (
        <Text size="sm">
          {fileName(status.path)} is moved aside as <Code>{fileName(status.path)}.damaged-…</Code> in the same folder (it is not
          deleted), and a new, empty database takes its place.
        </Text>
      ),
      labels: { confirm: 'Start an empty book', cancel: 'Cancel' },
      confirmProps: { 'data-testid': 'recovery-empty-confirm' } as Record<string, string>,
      onConfirm: () => startEmpty.mutate(),
    });

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={560} w="100%" data-testid="recovery-screen" data-error-code={error.code}>
        <Stack gap="md">
          <ThemeIcon size={44} radius="xl" color="red" variant="light">
            <IconDatabaseOff size={24} />
          </ThemeIcon>
          <Title order={3}>{TITLES[error.code] ?? 'The database could not be opened'}</Title>
          <Text size="sm">{error.message}</Text>
          <Text size="xs" c="dimmed">
            <Code>{status.path}</Code>
          </Text>
          <Stack gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => openOther.mutate()}
              loading={openOther.isPending}
              disabled={busy}
              data-testid="recovery-open"
            >
              Open another database…
            </Button>
            {recoverable ? (
              <>
                <Button
                  leftSection={<IconHistory size={16} />}
                  onClick={() => backup && restore.mutate(backup.path)}
                  loading={restore.isPending}
                  disabled={busy || !backup}
                  data-testid="recovery-restore"
                >
                  Restore the newest backup
                </Button>
                <Text size="xs" c="dimmed" data-testid="recovery-restore-note">
                  {backup
                    ? `From ${formatDateTime(backup.taken_at)} (${fileName(backup.path)}); the damaged file is kept.`
                    : 'There is no backup of this database yet (backups are kept in the "backups" folder beside it).'}
                </Text>
                <Button
                  variant="light"
                  color="gray"
                  leftSection={<IconPlus size={16} />}
                  onClick={confirmEmpty}
                  loading={startEmpty.isPending}
                  disabled={busy}
                  data-testid="recovery-empty"
                >
                  Start an empty book
                </Button>
              </>
            ) : (
              <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={reload} disabled={busy} data-testid="recovery-retry">
                Try again
              </Button>
            )}
          </Stack>
        </Stack>
      </Paper>
    </Center>
  );
}
