import { Button, Group, Loader, Modal, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commands, type BackupInfo } from '../bindings';
import { fileName, formatDateTime } from '../format';
import { qk } from '../queryKeys';
import { toast } from '../toast';

const KIND: Record<BackupInfo['kind'], string> = {
  regular: 'Backup',
  pre_migrate: 'Before an update of the database',
  pre_restore: 'Before a restore',
};

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Pick a backup, confirm, restore; the page then refreshes (the `data-changed` event). */
export function RestoreDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const backups = useQuery({ queryKey: qk.backups, queryFn: () => commands.listBackups(), enabled: opened });
  const restore = useMutation({
    mutationFn: (path: string) => commands.restoreBackup(path),
    onSuccess: (r) => {
      toast.success(
        'Backup restored',
        r.snapshot ? `The book as it was is saved as ${fileName(r.snapshot.path)}` : `From ${fileName(r.restored_from)}`,
      );
      void client.invalidateQueries({ queryKey: qk.backups });
      setPicked(null);
      onClose();
    },
    onError: (err) => toast.error('The backup could not be restored', err),
  });
  const chosen = backups.data?.find((b) => b.path === picked);
  const confirm = () =>
    chosen &&
    modals.openConfirmModal({
      title: 'Restore this backup?',
      children: (
        <Text size="sm">
          The customer book is replaced by the backup of {formatDateTime(chosen.taken_at)}. The book as it is now is saved as a backup
          first, so this can be undone.
        </Text>
      ),
      labels: { confirm: 'Restore', cancel: 'Cancel' },
      onConfirm: () => restore.mutate(chosen.path),
    });

  return (
    <Modal opened={opened} onClose={onClose} title="Restore from a backup" size="lg" data-testid="restore-dialog">
      {backups.isPending ? (
        <Loader size="sm" />
      ) : backups.isError ? (
        <Text c="red" size="sm">
          The backups could not be listed.
        </Text>
      ) : backups.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="restore-none">
          There are no backups yet. One is taken every day the app opens, and before every update of the database.
        </Text>
      ) : (
        <Stack gap="md">
          <ScrollArea.Autosize mah={360}>
            <Radio.Group value={picked} onChange={setPicked}>
              <Stack gap="xs">
                {backups.data.map((b) => (
                  <Radio
                    key={b.path}
                    value={b.path}
                    label={formatDateTime(b.taken_at)}
                    description={`${KIND[b.kind]} · ${mb(b.bytes)} · ${b.file_name}`}
                    data-testid="restore-choice"
                  />
                ))}
              </Stack>
            </Radio.Group>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={confirm} disabled={!chosen} loading={restore.isPending} data-testid="restore-confirm">
              Restore…
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
