import { Button, Menu, SegmentedControl } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import type { CustomerStatus, StatusCounts } from '../bindings';
import { formatCount } from '../format';
import { STATUSES, STATUS_LABEL } from '../theme';

type Props = { status: CustomerStatus | null; counts: StatusCounts | undefined; onStatus: (s: CustomerStatus | null) => void; compact: boolean };

const OPTIONS: { value: 'all' | CustomerStatus; label: string }[] = [{ value: 'all', label: 'All' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))];

/** A count in a box sized for six digits ("1,00,000"), so the chips never change width. */
function Count({ value, testId }: { value: number | undefined; testId?: string }) {
  return (
    <span className="num statusCount" data-testid={testId}>
      {value === undefined ? '–' : formatCount(value)}
    </span>
  );
}

/**
 * The status chips with their counts for the current search. In a narrow window they fold into
 * a menu. Memoised, with the chips built only when the counts change: typing must not re-render
 * the segmented control (it measures itself to place its indicator).
 */
export const StatusFilter = memo(function StatusFilter({ status, counts, onStatus, compact }: Props) {
  const value = status ?? 'all';
  const data = useMemo(
    () =>
      OPTIONS.map((o) => ({
        value: o.value,
        label: (
          <span className="statusChip" data-testid={`status-filter-${o.value}`}>
            <span>{o.label}</span>
            <Count value={counts?.[o.value]} testId={`status-count-${o.value}`} />
          </span>
        ),
      })),
    [counts],
  );
  const pick = (v: string) => onStatus(v === 'all' ? null : (v as CustomerStatus));
  if (!compact) return <SegmentedControl data-testid="status-filter" size="sm" value={value} onChange={pick} data={data} className="noShrink" />;
  const current = OPTIONS.find((o) => o.value === value)!;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={14} />} className="statusMenuButton noShrink" aria-label={`Status: ${current.label}`} data-testid="status-menu">
          <span className="statusChip">
            <span>{current.label}</span>
            <Count value={counts?.[current.value]} />
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="status-menu-dropdown">
        {OPTIONS.map((o) => (
          <Menu.Item key={o.value} onClick={() => pick(o.value)} leftSection={<IconCheck size={14} style={{ visibility: o.value === value ? 'visible' : 'hidden' }} />} data-testid={`status-filter-${o.value}`}>
            <span className="statusChip statusChipWide">
              <span>{o.label}</span>
              <Count value={counts?.[o.value]} testId={`status-count-${o.value}`} />
            </span>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
});
