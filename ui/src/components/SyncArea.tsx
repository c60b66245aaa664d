import { ActionIcon, Badge, Button, Group, Menu, Progress, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCloudUpload, IconDots, IconLogout, IconRefresh, IconX } from '@tabler/icons-react';
import type { SyncProgress, SyncStatus } from '../bindings';
import { describeError } from '../errors';
import { formatCount, formatDateTime, formatRelative, humanize } from '../format';
import { useNow } from '../hooks/useNow';
import { useSync } from '../hooks/useSync';

function progressText(p: SyncProgress): string {
  const pages = p.total_pages ? `page ${p.pages} of ${p.total_pages}` : `${p.pages} pages`;
  return `${humanize(p.phase.replace('open_bookings', 'open bookings'))} · ${pages} · ${formatCount(p.items)} items`;
}

const ago = (at: string | null) => (at ? formatRelative(at) : 'not yet');

/** When each pass last ran and what the last one changed (docs/rules.md §4). */
function passesText(s: SyncStatus): string {
  return [
    `New bookings and reviews: ${ago(s.last_synced_at)}`,
    `Review edits and flags (hourly): ${ago(s.last_light_sync_at)}`,
    `Every booking (daily): ${ago(s.last_full_sync_at)}`,
    s.last_change && s.last_change_at ? `Last change ${formatRelative(s.last_change_at)}: ${s.last_change}` : 'No change brought in yet',
  ].join('\n');
}

/** The platform asked to wait: no sync calls it before this instant. */
function pausedUntil(s: SyncStatus, now: number): string | null {
  if (!s.rate_limited_until || Date.parse(s.rate_limited_until) <= now) return null;
  return new Date(s.rate_limited_until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function SyncArea({ onSignIn }: { onSignIn: () => void }) {
  const { status, progress, syncNow, cancel, signOut } = useSync(onSignIn);
  const now = useNow(30_000); // keeps "Synced 3 minutes ago" current
  if (status.isPending) return <Skeleton height={30} width={220} />;
  const s = status.data;
  if (!s || !s.signed_in) {
    return (
      <Button variant="light" onClick={onSignIn} data-testid="sign-in-button">
        Sign in
      </Button>
    );
  }
  // Also true for a sync the shell's timer started (known only from its progress events).
  const running = syncNow.isPending || progress !== null;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="sync-area">
      {running && progress ? (
        <Stack gap={2} w={230} data-testid="sync-progress">
          <Text size="xs" c="dimmed" className="num truncate">
            {progressText(progress)}
          </Text>
          <Progress size="sm" animated value={progress.total_pages ? (progress.pages / progress.total_pages) * 100 : 100} striped={!progress.total_pages} />
        </Stack>
      ) : (
        <Stack gap={0} align="flex-end">
          <Text size="xs" fw={500} className="truncate" maw={220} data-testid="sync-account">
            {s.email}
          </Text>
          <Group gap={6} wrap="nowrap">
            {s.last_error && (
              <Tooltip label={`The last sync failed: ${describeError(s.last_error).title}. ${describeError(s.last_error).message}`} multiline w={260}>
                <IconAlertCircle size={14} color="var(--mantine-color-red-6)" data-testid="sync-error" />
              </Tooltip>
            )}
            <Tooltip label={passesText(s)} multiline w={300} style={{ whiteSpace: 'pre-line' }}>
              {pausedUntil(s, now) ? (
                <Text size="xs" c="orange" data-testid="sync-paused">
                  Paused until {pausedUntil(s, now)}
                </Text>
              ) : (
                <Text size="xs" c="dimmed" data-last-synced={s.last_synced_at ? formatDateTime(s.last_synced_at) : undefined} data-testid="last-synced">
                  {s.last_synced_at ? `Synced ${formatRelative(s.last_synced_at)}` : 'Never synced'}
                </Text>
              )}
            </Tooltip>
          </Group>
        </Stack>
      )}
      {s.pending_pushes > 0 && (
        <Tooltip label="Your edits waiting to be sent to the marketplace">
          <Badge variant="light" color="orange" leftSection={<IconCloudUpload size={12} />} className="num" data-testid="pending-pushes">
            {formatCount(s.pending_pushes)}
          </Badge>
        </Tooltip>
      )}
      {running ? (
        <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="sync-cancel">
          Cancel
        </Button>
      ) : (
        <Button leftSection={<IconRefresh size={16} />} onClick={() => syncNow.mutate(false)} data-testid="sync-now">
          Sync now
        </Button>
      )}
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Account" data-testid="account-menu">
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label className="truncate">{s.base_url}</Menu.Label>
          <Menu.Item leftSection={<IconRefresh size={16} />} disabled={running} onClick={() => syncNow.mutate(true)} data-testid="sync-full">
            Full sync
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()} data-testid="sign-out">
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
