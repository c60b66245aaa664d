import { ActionIcon, Group, Kbd, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch, IconSortAscending, IconSortDescending, IconX } from '@tabler/icons-react';
import { memo, useMemo, useRef, type ReactNode } from 'react';
import type { ListView } from '../App';
import type { CustomerStatus } from '../bindings';
import type { SortKey } from '../bindings';
import type { StatusCounts } from '../bindings';
import { formatCount } from '../format';
import { STATUSES, STATUS_LABEL } from '../theme';
import { ArchivedChip } from './book/ArchivedChip';

const SORTS: { value: SortKey; label: string }[] = [
  { value: 'last_booking', label: 'Last booking' },
  { value: 'name', label: 'Name' },
  { value: 'total_bookings', label: 'Total bookings' },
  { value: 'total_spent', label: 'Total spent' },
  { value: 'average_rating', label: 'Average rating' },
  // Most overdue first by default (DEFAULTS.descending.overdue); no rhythm yet sorts last.
  { value: 'overdue', label: 'Overdue' },
];

type Props = {
  view: ListView;
  searchText: string;
  counts: StatusCounts | undefined;
  onSearchText: (s: string) => void;
  onStatus: (s: CustomerStatus | null) => void;
  onSort: (k: SortKey) => void;
  onDescending: (d: boolean) => void;
  /** Row 1 after the search (the tag filter, the result count), and before the order (the book's actions). */
  filters?: ReactNode;
  actions?: ReactNode;
};

export function ListToolbar({ view, searchText, counts, onSearchText, onStatus, onSort, onDescending, filters, actions }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  // "/" and Ctrl/Cmd+F jump to search (the webview's own find bar is not useful here).
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['mod+F', () => searchRef.current?.focus()],
  ]);
  // Two rows: what to look for, the book's actions and the order; then the status chips.
  return (
    <Stack gap="sm" className="toolbarRows">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <TextInput
            ref={searchRef}
            data-testid="search-input"
            placeholder="Search name, email or phone"
            aria-label="Search customers"
            leftSection={<IconSearch size={16} />}
            rightSection={
              searchText ? (
                <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => onSearchText('')} aria-label="Clear search" data-testid="search-clear">
                  <IconX size={14} />
                </ActionIcon>
              ) : (
                <Kbd size="xs">/</Kbd>
              )
            }
            value={searchText}
            onChange={(e) => onSearchText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                onSearchText('');
                e.currentTarget.blur();
              }
            }}
            w={280}
          />
          {filters}
        </Group>
        <Group gap={6} wrap="nowrap" ml="auto">
          {actions}
          <Select
            data-testid="sort-select"
            aria-label="Sort by"
            w={170}
            data={SORTS}
            value={view.sort}
            onChange={(v) => v && onSort(v as SortKey)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Tooltip label={view.descending ? 'Descending' : 'Ascending'}>
            <ActionIcon
              variant="default"
              size="lg"
              data-testid="sort-direction"
              data-direction={view.descending ? 'desc' : 'asc'}
              aria-label={view.descending ? 'Sorted descending' : 'Sorted ascending'}
              onClick={() => onDescending(!view.descending)}
            >
              {view.descending ? <IconSortDescending size={18} /> : <IconSortAscending size={18} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <StatusFilter status={view.status} counts={counts} onStatus={onStatus} />
        <ArchivedChip status={view.status} counts={counts} onStatus={onStatus} />
      </Group>
    </Stack>
  );
}

const option = (value: string, label: string, count: number | undefined) => ({
  value,
  label: (
    <Group gap={6} wrap="nowrap" justify="center" data-testid={`status-filter-${value}`}>
      <span>{label}</span>
      <Text span size="xs" c="dimmed" className="num" data-testid={`status-count-${value}`}>
        {count === undefined ? '–' : formatCount(count)}
      </Text>
    </Group>
  ),
});

/**
 * Memoised, with its options built only when the counts change: typing in the search box must
 * not re-render the segmented control (it measures itself to place its indicator).
 */
const StatusFilter = memo(function StatusFilter({ status, counts, onStatus }: { status: CustomerStatus | null; counts: StatusCounts | undefined; onStatus: (s: CustomerStatus | null) => void }) {
  const data = useMemo(() => [option('all', 'All', counts?.all), ...STATUSES.map((s) => option(s, STATUS_LABEL[s], counts?.[s]))], [counts]);
  return (
    <SegmentedControl
      data-testid="status-filter"
      size="sm"
      // Archived is its own chip beside this control; while it is on, no segment is.
      value={status === 'archived' ? '' : (status ?? 'all')}
      onChange={(v) => onStatus(v === 'all' ? null : (v as CustomerStatus))}
      data={data}
    />
  );
});
