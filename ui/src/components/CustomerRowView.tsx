import { Group, Skeleton, Text } from '@mantine/core';
import { memo } from 'react';
import type { CustomerRow } from '../bindings/core/CustomerRow';
import { formatCount, formatDate, formatDateTime, formatDayRelative, formatMoney, formatRating, formatRelative } from '../format';
import { CustomerAvatar } from './CustomerAvatar';
import { RelationButtons } from './RelationButtons';
import { StatusBadge } from './StatusBadge';

export const ROW_HEIGHT = 56;

type Props = {
  customer: CustomerRow;
  index: number;
  currency: string;
  selected: boolean;
  onOpen: (id: number) => void;
  onSelect: (index: number) => void;
};

/** Memoised: while scrolling only rows that enter the viewport render. */
export const CustomerRowView = memo(function CustomerRowView({ customer: c, index, currency, selected, onOpen, onSelect }: Props) {
  return (
    <div
      className="row listGrid"
      style={{ height: ROW_HEIGHT }}
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
          <Text size="sm" fw={600} className="truncate" data-testid="customer-name">
            {c.first_name} {c.last_name}
          </Text>
          <Text size="xs" c="dimmed" className="truncate">
            {c.email}
          </Text>
        </div>
      </Group>
      <div className="truncate">
        <Text size="sm" className="truncate num">{c.phone ?? '—'}</Text>
        <Text size="xs" c="dimmed" className="truncate">{c.city ?? '—'}</Text>
      </div>
      <div>
        <StatusBadge status={c.status} />
      </div>
      <Text size="sm" className="num right" data-testid="total-bookings">
        {formatCount(c.total_bookings)}
      </Text>
      <Text size="sm" className="num right" data-testid="total-spent">
        {formatMoney(c.total_spent, currency)}
      </Text>
      <Text size="sm" className="num right" c={c.average_rating === null ? 'dimmed' : undefined} data-testid="average-rating">
        {formatRating(c.average_rating)}
      </Text>
      {/* A native title: cheap enough for every virtual row, and it shows the exact time. */}
      <Text size="sm" className="truncate" title={formatDateTime(c.last_booking_at)} data-testid="last-booking">
        {formatRelative(c.last_booking_at)}
      </Text>
      <Text size="sm" className="truncate" c={c.next_visit_on ? undefined : 'dimmed'} title={c.next_visit_on ? formatDate(c.next_visit_on) : undefined} data-testid="next-visit">
        {c.next_visit_on ? formatDayRelative(c.next_visit_on) : '—'}
      </Text>
      <RelationButtons customer={c} />
    </div>
  );
});

export const RowSkeleton = memo(function RowSkeleton() {
  return (
    <div className="row listGrid" style={{ height: ROW_HEIGHT, cursor: 'default' }} data-testid="customer-row-loading">
      <Group gap="sm" wrap="nowrap">
        <Skeleton circle height={34} />
        <div style={{ flex: 1 }}>
          <Skeleton height={10} width="70%" mb={6} />
          <Skeleton height={8} width="50%" />
        </div>
      </Group>
      <Skeleton height={10} width="70%" />
      <Skeleton height={16} width={60} radius="sm" />
      <Skeleton height={10} width={24} className="right" />
      <Skeleton height={10} width={70} className="right" />
      <Skeleton height={10} width={30} className="right" />
      <Skeleton height={10} width={70} />
      <Skeleton height={10} width={60} />
      <Skeleton height={10} width={70} />
    </div>
  );
});
