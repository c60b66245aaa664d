import { Group, Paper, SimpleGrid, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import type { Stats } from '../bindings';
import { formatCount, formatRating } from '../format';
import { qk } from '../queryKeys';
import { ErrorState } from './ErrorState';
import { memo } from 'react';

type Card = { key: keyof Stats; label: string; help: string; show: (s: Stats) => string };

// Plain-words versions of the docs/rules.md §3 definitions; the numbers themselves come from the core.
const CARDS: Card[] = [
  { key: 'total_customers', label: 'Customers', help: 'Everyone who has booked you at least once, whatever happened to the booking.', show: (s) => formatCount(s.total_customers) },
  { key: 'regular_customers', label: 'Regulars', help: 'Customers with 5 or more bookings that were not cancelled or rejected.', show: (s) => formatCount(s.regular_customers) },
  { key: 'new_customers_this_month', label: 'New this month', help: 'Customers whose very first booking was made this calendar month.', show: (s) => formatCount(s.new_customers_this_month) },
  { key: 'active_customers', label: 'Active (30 days)', help: 'Customers who made a booking in the last 30 days.', show: (s) => formatCount(s.active_customers) },
  { key: 'favorite_customers', label: 'Favourites', help: 'Customers you starred, including any you have also blocked.', show: (s) => formatCount(s.favorite_customers) },
  { key: 'blocked_customers', label: 'Blocked', help: 'Customers you blocked.', show: (s) => formatCount(s.blocked_customers) },
  { key: 'average_rating', label: 'Average rating', help: 'The mean of all review ratings you received. Customers who never reviewed are not counted as zero.', show: (s) => (s.average_rating === null ? '—' : `${formatRating(s.average_rating)} ★`) },
  { key: 'retention_rate', label: 'Retention', help: 'Share of your customers who came back: 2 or more bookings that were not cancelled or rejected.', show: (s) => (s.retention_rate === null ? "—" : `${s.retention_rate.toFixed(1)}%`) },
];

function StatsCardsImpl() {
  const { data, isPending, isError, error, refetch } = useQuery({ queryKey: qk.stats, queryFn: commands.getStats });
  if (isError) return <ErrorState title="Could not load the numbers" error={error} onRetry={() => void refetch()} />;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm" data-testid="stats-cards">
      {CARDS.map((c) => (
        <Paper key={c.key} className="card" p="sm" radius="md" data-testid={`stat-${c.key}`}>
          <Tooltip label={c.help} multiline w={240} withArrow openDelay={150}>
            <Group gap={4} wrap="nowrap" style={{ cursor: 'help' }}>
              <Text size="xs" c="dimmed" fw={500} className="truncate">
                {c.label}
              </Text>
              <IconInfoCircle size={13} style={{ flexShrink: 0, opacity: 0.5 }} />
            </Group>
          </Tooltip>
          {isPending ? (
            <Skeleton height={26} mt={6} width="60%" />
          ) : (
            <Text fz={22} fw={650} mt={2} className="num" data-testid={`stat-${c.key}-value`}>
              {c.show(data)}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const StatsCards = memo(StatsCardsImpl);
