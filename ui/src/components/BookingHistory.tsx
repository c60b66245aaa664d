import { Badge, Group, Pagination, Skeleton, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BookingItem, CustomerDetail } from '../bindings';
import { formatCount, formatDate, formatDateTime, formatMoney, formatRelative, humanize } from '../format';

// Booking statuses are the platform's own strings; unknown ones fall back to grey.
const BOOKING_COLOR: Record<string, string> = {
  completed: 'teal',
  confirmed: 'blue',
  pending: 'gray',
  payment_pending: 'orange',
  service_delivered: 'cyan',
  awaiting_confirmation: 'grape',
  cancelled: 'red',
  rejected: 'red',
  disputed: 'pink',
};

type Props = {
  detail: CustomerDetail | undefined;
  loading: boolean;
  currency: string;
  page: number;
  onPage: (p: number) => void;
  /** A last cell per row (edit/delete of own visits). */
  actions?: (b: BookingItem) => ReactNode;
};

export function BookingHistory({ detail, loading, currency, page, onPage, actions }: Props) {
  const cols = actions ? 7 : 6;
  const pages = detail ? Math.max(1, Math.ceil(detail.bookings_total / detail.bookings_page_size)) : 1;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="booking-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Service</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Payment</Table.Th>
              <Table.Th>Created</Table.Th>
              {actions && <Table.Th w={64} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading || !detail
              ? Array.from({ length: 5 }, (_, i) => (
                  <Table.Tr key={i}>
                    {Array.from({ length: cols }, (_, j) => (
                      <Table.Td key={j}>
                        <Skeleton height={10} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : detail.bookings.map((b) => (
                  <Table.Tr key={b.id} data-testid="booking-row" data-booking-id={b.id} data-source={b.source} style={b.live ? undefined : { opacity: 0.55 }}>
                    <Table.Td maw={170} className="truncate" title={b.live ? b.service_title : `${b.service_title} (no longer on the marketplace)`}>
                      {b.service_title}
                    </Table.Td>
                    <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(b.booking_date)}
                      {b.booking_time && <Text span c="dimmed" size="xs"> {b.booking_time.slice(0, 5)}</Text>}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {/* Sentence case and no max width: long platform statuses stay readable. */}
                      <Badge size="sm" variant="light" tt="none" fw={500} maw="none" color={BOOKING_COLOR[b.status] ?? 'gray'}>
                        {humanize(b.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" className="num" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(b.total_amount, currency)}
                    </Table.Td>
                    <Table.Td>{b.payment_status ? humanize(b.payment_status) : '—'}</Table.Td>
                    <Table.Td title={formatDateTime(b.created_at)} style={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(b.created_at)}
                    </Table.Td>
                    {actions && <Table.Td>{actions(b)}</Table.Td>}
                  </Table.Tr>
                ))}
            {detail && !loading && detail.bookings.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={cols}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    No bookings on record.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {detail && pages > 1 && (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed" className="num">
            {formatCount(detail.bookings_total)} bookings
          </Text>
          <Pagination size="sm" total={pages} value={page} onChange={onPage} data-testid="booking-pagination" />
        </Group>
      )}
    </>
  );
}
