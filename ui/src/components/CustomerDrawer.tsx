import { Button, Divider, Drawer, Group, Paper, Rating, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { commands } from '../bindings';
import type { CustomerDetail } from '../bindings';
import { formatCount, formatDate, formatDateTime, formatDayRelative, formatMoney, formatRating, formatRelative } from '../format';
import { useCurrency } from '../hooks/useAppInfo';
import { useEscapeWhenTopmost } from '../hooks/useEscapeWhenTopmost';
import { qk } from '../queryKeys';
import { BookingHistory } from './BookingHistory';
import { CadenceLine } from '../segments/CadenceLine';
import { DrawerBookBar } from './book/DrawerBookBar';
import { TagEditor } from './book/TagEditor';
import { VisitActions } from './book/VisitActions';
import { CustomerAvatar } from './CustomerAvatar';
import { ErrorState } from './ErrorState';
import { useRelationActions, useRelationDialogOpen } from './relationActionsContext';
import { RelationButtons } from './RelationButtons';
import { StatusBadge } from './StatusBadge';

const HISTORY_PAGE_SIZE = 10;

function CustomerDrawerImpl({ customerId, onClose }: { customerId: number | null; onClose: () => void }) {
  // A notes or block dialog over the drawer gets Esc (and asks before dropping unsaved
  // notes); the drawer stays open under it.
  const dialogOpen = useRelationDialogOpen();
  useEscapeWhenTopmost(customerId !== null && !dialogOpen, onClose);
  return (
    <Drawer opened={customerId !== null} onClose={onClose} closeOnEscape={false} position="right" size={860} padding="lg" title={null} withCloseButton={false} data-testid="detail-drawer">
      {customerId !== null && <DetailBody key={customerId} customerId={customerId} onClose={onClose} />}
    </Drawer>
  );
}

function Field({ label, value, title, testId }: { label: string; value: string; title?: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} className="num truncate" title={title} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function DetailBody({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const currency = useCurrency();
  const actions = useRelationActions();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: qk.customerPage(customerId, page),
    queryFn: () => commands.getCustomer(customerId, page, HISTORY_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  if (q.isError) return <ErrorState title="Could not load this customer" error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <DetailSkeleton />;
  const d: CustomerDetail = q.data;
  const c = d.customer;
  const dt = (iso: string | null) => (iso ? formatDate(iso) : '—');
  return (
    <Stack gap="lg" data-testid="customer-detail" data-customer-id={c.customer_id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group wrap="nowrap" gap="md">
          <CustomerAvatar customer={c} size={56} />
          <div>
            <Title order={3} data-testid="detail-name">
              {c.first_name} {c.last_name}
            </Title>
            <Group gap="xs" mt={4}>
              <StatusBadge status={c.status} />
              {c.is_blocked && c.blocked_reason && (
                <Text size="xs" c="red">
                  Blocked: {c.blocked_reason}
                </Text>
              )}
            </Group>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <RelationButtons customer={c} size="lg" />
          <Button variant="subtle" color="gray" size="xs" onClick={onClose} data-testid="detail-close">
            Close
          </Button>
        </Group>
      </Group>

      <DrawerBookBar customer={c} />

      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1.3fr 1fr 1fr', gap: 'var(--mantine-spacing-md)' }} data-testid="detail-profile">
        <Field label="Email" value={c.email || '—'} title={c.email || undefined} />
        <Field label="Phone" value={c.phone ?? '—'} />
        <Field label="City" value={c.city ?? '—'} />
        <Field label="Joined" value={dt(d.date_joined)} />
      </div>

      <Paper className="card" p="md" radius="md">
        <SimpleGrid cols={4} spacing="md" verticalSpacing="sm" data-testid="detail-metrics">
          <Field label="Bookings" value={formatCount(c.total_bookings)} testId="detail-total-bookings" />
          <Field label="Cancelled" value={formatCount(c.cancelled_bookings)} testId="detail-cancelled" />
          <Field label="Spent" value={formatMoney(c.total_spent, currency)} testId="detail-total-spent" />
          <Field label="Average rating" value={c.average_rating === null ? '—' : `${formatRating(c.average_rating)} ★ (${c.review_count})`} testId="detail-rating" />
          <Field label="First booking" value={dt(c.first_booking_at)} title={c.first_booking_at ? formatDateTime(c.first_booking_at) : undefined} />
          <Field label="Last booking" value={c.last_booking_at ? formatRelative(c.last_booking_at) : 'No visits yet'} title={c.last_booking_at ? formatDateTime(c.last_booking_at) : undefined} />
          <Field label="Last visit" value={c.last_visit_on ? formatDayRelative(c.last_visit_on) : '—'} title={c.last_visit_on ? formatDate(c.last_visit_on) : undefined} />
          <Field label="Next visit" value={c.next_visit_on ? formatDayRelative(c.next_visit_on) : '—'} title={c.next_visit_on ? formatDate(c.next_visit_on) : undefined} />
        </SimpleGrid>
        <CadenceLine customer={c} />
      </Paper>

      <TagEditor customer={c} />

      <div>
        <Group justify="space-between" mb={6}>
          <Text fw={600}>Notes</Text>
          <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={() => actions.editNotes(c)} data-testid="detail-edit-notes">
            Edit notes
          </Button>
        </Group>
        <Text size="sm" c={c.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', maxHeight: 160, overflowY: 'auto' }} data-testid="detail-notes">
          {c.notes || 'No notes yet. Add preferences, allergies or anything you want to remember.'}
        </Text>
      </div>

      <Divider />
      <div>
        <Text fw={600} mb={6}>
          Booking history
        </Text>
        <BookingHistory detail={d} loading={q.isPlaceholderData} currency={currency} page={page} onPage={setPage} actions={(b) => <VisitActions customer={c} booking={b} />} />
      </div>

      <Divider />
      <div data-testid="detail-reviews">
        <Text fw={600} mb={6}>
          Reviews ({formatCount(d.reviews.length)})
        </Text>
        {d.reviews.length === 0 ? (
          <Text size="sm" c="dimmed">
            No reviews from this customer yet.
          </Text>
        ) : (
          <Stack gap="sm">
            {d.reviews.map((r) => (
              <Paper key={r.id} className="card" p="sm" radius="md" data-testid="review-item">
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="xs" wrap="nowrap">
                    <Rating value={r.rating} readOnly size="sm" />
                    {r.service_title && (
                      <Text size="xs" c="dimmed" className="truncate">
                        {r.service_title}
                      </Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" title={formatDateTime(r.created_at)}>
                    {formatRelative(r.created_at)}
                  </Text>
                </Group>
                {r.comment && (
                  <Text size="sm" mt={4}>
                    {r.comment}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function DetailSkeleton() {
  return (
    <Stack gap="lg" data-testid="detail-loading">
      <Group>
        <Skeleton circle height={56} />
        <Stack gap={6} style={{ flex: 1 }}>
          <Skeleton height={18} width="50%" />
          <Skeleton height={12} width="20%" />
        </Stack>
      </Group>
      <Skeleton height={40} />
      <Skeleton height={110} />
      <Skeleton height={240} />
    </Stack>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const CustomerDrawer = memo(CustomerDrawerImpl);
