import { ActionIcon, Group, Kbd, Select, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconSearch, IconSortAscending, IconSortDescending, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import type { ListView } from '../App';
import type { CustomerStatus } from '../bindings';
import type { SortKey } from '../bindings';
import type { StatusCounts } from '../bindings';
import { StatusFilter } from './StatusFilter';

const SORTS: { value: SortKey; label: string }[] = [
  { value: 'last_booking', label: 'Last booking' },
  { value: 'name', label: 'Name' },
  { value: 'total_bookings', label: 'Total bookings' },
  { value: 'total_spent', label: 'Total spent' },
  { value: 'average_rating', label: 'Average rating' },
];

/** Below this width the status chips (sized for six-digit counts) fold into a menu. */
export const CHIPS_FROM = '(min-width: 1240px)';

type Props = {
  view: ListView;
  searchText: string;
  counts: StatusCounts | undefined;
  onSearchText: (s: string) => void;
  onStatus: (s: CustomerStatus | null) => void;
  onSort: (k: SortKey) => void;
  onDescending: (d: boolean) => void;
};

/** One row that never wraps: search, status, sort. Nothing in it changes size while typing. */
export function ListToolbar({ view, searchText, counts, onSearchText, onStatus, onSort, onDescending }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const chips = useMediaQuery(CHIPS_FROM, true, { getInitialValueInEffect: false });
  // "/" and Ctrl/Cmd+F jump to search (the webview's own find bar is not useful here).
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['mod+F', () => searchRef.current?.focus()],
  ]);
  return (
    <Group gap="sm" wrap="nowrap" className="listToolbar" data-testid="list-toolbar">
      <TextInput
        ref={searchRef}
        data-testid="search-input"
        placeholder="Name, email or phone"
        aria-label="Search customers"
        leftSection={<IconSearch size={16} />}
        rightSection={
          searchText ? (
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => onSearchText('')} aria-label="Clear search" data-testid="search-clear">
              <IconX size={14} />
            </ActionIcon>
          ) : (
            <Kbd size="xs" title="Press / to search">
              /
            </Kbd>
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
        className="searchBox"
      />
      <StatusFilter status={view.status} counts={counts} onStatus={onStatus} compact={!chips} />
      <Group gap={6} wrap="nowrap" className="noShrink toolbarEnd">
        <Select
          data-testid="sort-select"
          aria-label="Sort by"
          w={150}
          data={SORTS}
          value={view.sort}
          onChange={(v) => v && onSort(v as SortKey)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Tooltip label={view.descending ? 'Descending: click for ascending' : 'Ascending: click for descending'}>
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
  );
}
