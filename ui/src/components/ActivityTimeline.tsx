import { Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { commands } from '../bindings';
import type { ActivityKind } from '../bindings';
import { useCurrency } from '../hooks/useAppInfo';
import { qk } from '../queryKeys';
import { ActivityItem } from './ActivityItem';
import { ErrorState } from './ErrorState';

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

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const ActivityTimeline = memo(ActivityTimelineImpl);
