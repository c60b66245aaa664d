import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconDatabase, IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commands } from '../bindings';
import { fileName } from '../format';
import { qk } from '../queryKeys';
import { toast } from '../toast';
import { RestoreDialog } from './RestoreDialog';

/** "Back up now" and "Restore from a backup…". */
export function BackupMenu() {
  const [restoring, setRestoring] = useState(false);
  const client = useQueryClient();
  const backupNow = useMutation({
    mutationFn: () => commands.backupNow(),
    onSuccess: (b) => {
      toast.success('Backup saved', fileName(b.path));
      void client.invalidateQueries({ queryKey: qk.backups });
    },
    onError: (err) => toast.error('The backup failed', err),
  });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label="Backups">
            <ActionIcon variant="default" size="lg" aria-label="Backups" loading={backupNow.isPending} data-testid="backup-menu">
              <IconDatabase size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => backupNow.mutate()} data-testid="backup-now">
            Back up now
          </Menu.Item>
          <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => setRestoring(true)} data-testid="restore-open">
            Restore from a backup…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <RestoreDialog opened={restoring} onClose={() => setRestoring(false)} />
    </>
  );
}
