import { Button, Divider, Group, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import type { CustomerStatus, StatusCounts } from '../../bindings';
import { formatCount } from '../../format';

/** "Archived" after the status chips, set apart: its cards are not part of "All". */
export function ArchivedChip({ status, counts, onStatus }: { status: CustomerStatus | null; counts: StatusCounts | undefined; onStatus: (s: CustomerStatus | null) => void }) {
  const active = status === 'archived';
  return (
    <Group gap={8} wrap="nowrap">
      <Divider orientation="vertical" />
      <Button
        size="sm"
        variant={active ? 'filled' : 'subtle'}
        color={active ? 'dark' : 'gray'}
        leftSection={<IconArchive size={15} />}
        aria-pressed={active}
        title="Archived cards: not part of All, the stats or the default export"
        onClick={() => onStatus(active ? null : 'archived')}
        data-testid="status-filter-archived"
        px="xs"
      >
        Archived
        <Text span size="xs" ml={6} c={active ? undefined : 'dimmed'} className="num" data-testid="status-count-archived">
          {counts === undefined ? '–' : formatCount(counts.archived)}
        </Text>
      </Button>
    </Group>
  );
}
