import { Alert, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconCalendarPlus, IconLock, IconPencil } from '@tabler/icons-react';
import type { CustomerRow } from '../../bindings';
import { useBookActions } from './bookActionsContext';
import { SourceBadge } from './DuplicateGroup';

/** The drawer's book actions: record a visit, edit an own profile, archive or restore. */
export function DrawerBookBar({ customer: c }: { customer: CustomerRow }) {
  const a = useBookActions();
  return (
    <>
      {c.archived && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} p="sm" data-testid="detail-archived">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">Archived: not in the list, the stats or the default export. Nothing was deleted.</Text>
            <Button size="compact-sm" variant="white" color="dark" leftSection={<IconArchiveOff size={14} />} onClick={() => a.restore(c)} data-testid="detail-restore">
              Restore
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="xs" data-testid="detail-book-bar">
        <Group gap="xs">
          <SourceBadge source={c.source} />
          {c.source === 'platform' ? (
            <Text size="xs" c="dimmed" data-testid="detail-read-only">
              <IconLock size={12} style={{ verticalAlign: -1 }} /> From the marketplace — read-only
            </Text>
          ) : (
            <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => a.editProfile(c)} data-testid="detail-edit-profile">
              Edit profile
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button size="compact-sm" leftSection={<IconCalendarPlus size={14} />} onClick={() => a.recordVisit(c)} data-testid="detail-record-visit">
            Record a visit
          </Button>
          {!c.archived && (
            <Tooltip label="Hide from the list and the stats; nothing is deleted">
              <Button size="compact-sm" variant="default" leftSection={<IconArchive size={14} />} onClick={() => a.archive(c)} data-testid="detail-archive">
                Archive
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>
    </>
  );
}
