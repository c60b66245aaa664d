import { Group, Skeleton } from '@mantine/core';
import { memo } from 'react';
import type { CustomerRow } from '../bindings';
import { formatCount, formatDate, formatDateTime, formatDayRelative, formatMoney, formatRating, formatRelative } from '../format';
import { CustomerAvatar } from './CustomerAvatar';
import { RelationButtons } from './RelationButtons';
import { StatusBadge } from './StatusBadge';
import { RowVisitButton } from './book/RowVisitButton';
import { TagChips } from './book/TagChips';

/** Row heights in px (app.css `.row` reads `--row-h`); compact rows in windows under 720 px high. */
export const ROW_HEIGHT = 56;
export const COMPACT_ROW_HEIGHT = 42;
export const COMPACT_ROWS_BELOW = '(max-height: 720px)';

type Props = {
  customer: CustomerRow;
  index: number;
  currency: string;
  selected: boolean;
  onOpen: (id: number) => void;
  onSelect: (index: number) => void;
};

/**
 * Memoised: while scrolling only rows that enter the viewport render, and a search re-renders
 * each visible row once. Cells are plain elements with classes (see app.css `.cell*`) rather
 * than Mantine `Text`: a search re-renders every visible row, and ten `Text`s per row (each
 * resolving theme props and style variables) were most of that cost.
 */
export const CustomerRowView = memo(function CustomerRowView({ customer: c, index, currency, selected, onOpen, onSelect }: Props) {
  return (
    <div
      className="row listGrid"
      data-testid="customer-row"
      data-customer-id={c.customer_id}
      data-selected={selected}
      aria-selected={selected}
      role="row"
      onClick={() => {
        onSelect(index);
        onOpen(c.customer_id);
      }}
    >
      <Group gap="sm" wrap="nowrap" className="truncate">
        <CustomerAvatar customer={c} />
        <div className="truncate">
          <div className="nameLine">
            <span className="cell cellStrong truncate" data-testid="customer-name">
              {c.first_name} {c.last_name}
            </span>
            <TagChips tags={c.tags} />
          </div>
          <div className="cellXs dimmed truncate">{c.email}</div>
        </div>
      </Group>
      <div className="truncate">
        <div className="cell truncate num">{c.phone ?? '—'}</div>
        <div className="cellXs dimmed truncate">{c.city ?? '—'}</div>
      </div>
      <div>
        <StatusBadge status={c.status} />
      </div>
      <div className="cell num right" data-testid="total-bookings">
        {formatCount(c.total_bookings)}
      </div>
      <div className="cell num right" data-testid="total-spent">
        {formatMoney(c.total_spent, currency)}
      </div>
      <div className={c.average_rating === null ? 'cell num right dimmed' : 'cell num right'} data-testid="average-rating">
        {formatRating(c.average_rating)}
      </div>
      {/* A native title: cheap enough for every virtual row, and it shows the exact time. */}
      {c.last_booking_at ? (
        <div className="cell truncate" title={formatDateTime(c.last_booking_at)} data-testid="last-booking">
          {formatRelative(c.last_booking_at)}
        </div>
      ) : (
        <div className="cell truncate dimmed" data-testid="last-booking">
          No visits yet
        </div>
      )}
      <div className={c.next_visit_on ? 'cell truncate' : 'cell truncate dimmed'} title={c.next_visit_on ? formatDate(c.next_visit_on) : undefined} data-testid="next-visit">
        {c.next_visit_on ? formatDayRelative(c.next_visit_on) : '—'}
      </div>
      <div className="rowActions">
        <RelationButtons customer={c} />
        <RowVisitButton customer={c} />
      </div>
    </div>
  );
});

/** Still placeholders: a pulse repaints every row in view at every frame while a page loads. */
export const RowSkeleton = memo(function RowSkeleton() {
  return (
    <div className="row listGrid" style={{ cursor: 'default' }} data-testid="customer-row-loading">
      <Group gap="sm" wrap="nowrap">
        <Skeleton animate={false} circle height={34} />
        <div style={{ flex: 1 }}>
          <Skeleton animate={false} height={10} width="70%" mb={6} />
          <Skeleton animate={false} height={8} width="50%" />
        </div>
      </Group>
      <Skeleton animate={false} height={10} width="70%" />
      <Skeleton animate={false} height={16} width={60} radius="sm" />
      <Skeleton animate={false} height={10} width={24} className="right" />
      <Skeleton animate={false} height={10} width={70} className="right" />
      <Skeleton animate={false} height={10} width={30} className="right" />
      <Skeleton animate={false} height={10} width={70} />
      <Skeleton animate={false} height={10} width={60} />
      <Skeleton animate={false} height={10} width={70} />
    </div>
  );
});
