import { Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconRefresh, IconStar } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { commands } from '../bindings';
import type { Activity } from '../bindings';
import type { ActivityKind } from '../bindings';
import { formatDateTime, formatMoney, formatRelative } from '../format';
import { useCurrency } from '../hooks/useAppInfo';
import { qk } from '../queryKeys';
import { ErrorState } from './ErrorState';

const KIND_ICON = { booking: IconCalendarPlus, status: IconRefresh, review: IconStar, edit: IconEdit } as const;
const KIND_COLOR = { booking: 'indigo', status: 'cyan', review: 'yellow', edit: 'violet' } as const;

function ActivityTimelineImpl({ onOpen }: { onOpen: (customerId: number) => void }) {
  const currency = useCurrency();
  const [kind, setKind] = useState<ActivityKind | 'all'>('all');
  const q = useInfiniteQuery({
    queryKey: qk.activity(kind),
    queryFn: ({ pageParam }) => commands.listActivity({ limit: 10, kind: kind === 'all' ? undefined : kind, before: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = q.data?.pages.flatMap((p) => p.activities) ?? [];
  return (
    <Paper className="card" p="md" radius="md" data-testid="activity">
      <Group justify="space-between" mb="sm">
        <Text fw={600} size="sm">
          Recent activity
        </Text>
      </Group>
      <SegmentedControl
        fullWidth
        size="xs"
        mb="sm"
        value={kind}
        onChange={(v) => setKind(v as ActivityKind | 'all')}
        data-testid="activity-filter"
        data={[
          { value: 'all', label: <span data-testid="activity-filter-all">All</span> },
          { value: 'booking', label: <span data-testid="activity-filter-booking">Bookings</span> },
          { value: 'status', label: <span data-testid="activity-filter-status">Status</span> },
          { value: 'review', label: <span data-testid="activity-filter-review">Reviews</span> },
          { value: 'edit', label: <span data-testid="activity-filter-edit">Edits</span> },
        ]}
      />
      {q.isError ? (
        <ErrorState title="Could not load activity" error={q.error} onRetry={() => void q.refetch()} />
      ) : q.isPending ? (
        <Stack gap="sm">
          {Array.from({ length: 6 }, (_, i) => (
            <Group key={i} wrap="nowrap">
              <Skeleton circle height={28} />
              <Stack gap={4} style={{ flex: 1 }}>
                <Skeleton height={10} width="70%" />
                <Skeleton height={8} width="40%" />
              </Stack>
            </Group>
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="activity-empty">
          {kind === 'all' ? 'Nothing has happened yet. New bookings, reviews and your edits will show up here.' : 'Nothing of this kind yet. Choose “All” to see everything.'}
        </Text>
      ) : (
        <Stack gap={2}>
          {items.map((a) => (
            <ActivityItem key={a.id} a={a} currency={currency} onOpen={onOpen} />
          ))}
          {q.hasNextPage && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} data-testid="activity-load-more">
              Load more
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function ActivityItem({ a, currency, onOpen }: { a: Activity; currency: string; onOpen: (id: number) => void }) {
  const Icon = KIND_ICON[a.type] ?? IconRefresh;
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      p={6}
      className="timelineItem"
      data-testid="activity-item"
      data-activity-type={a.type}
      data-customer-id={a.customer_id}
      role="button"
      tabIndex={0}
      onClick={() => onOpen(a.customer_id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(a.customer_id)}
    >
      <ThemeIcon size={28} radius="xl" variant="light" color={KIND_COLOR[a.type] ?? 'gray'}>
        <Icon size={15} />
      </ThemeIcon>
      <div className="truncate" style={{ flex: 1 }}>
        <Text size="sm" fw={600} className="truncate" data-testid="activity-customer">
          {a.customer_name}
        </Text>
        <Text size="xs" c="dimmed" className="truncate" title={`${a.title} — ${a.description}`}>
          <Text span size="xs" fw={500} c="var(--mantine-color-text)">
            {a.title}
          </Text>
          {a.description && ` · ${a.description}`}
          {a.amount && ` · ${formatMoney(a.amount, currency)}`}
          {a.rating !== null && ` · ${'★'.repeat(a.rating)}`}
        </Text>
      </div>
      <Text size="xs" c="dimmed" title={formatDateTime(a.timestamp)} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(a.timestamp)}
      </Text>
    </Group>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const ActivityTimeline = memo(ActivityTimelineImpl);
