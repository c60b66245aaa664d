import { Group, Paper, SimpleGrid, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ListView } from '../App';
import { commands } from '../bindings';
import type { Stats, ViewQuery } from '../bindings';
import { formatCount, formatRating } from '../format';
import { qk } from '../queryKeys';
import '../segments/segments.css';
import { cardTarget, type CardTarget } from '../segments/statFilters';
import { ErrorState } from './ErrorState';
import { memo } from 'react';

type Card = { key: keyof Stats; label: string; help: string; show: (s: Stats) => string };

// Plain-words versions of the docs/rules.md §3 definitions; the numbers themselves come from the core.
const CARDS: Card[] = [
  { key: 'total_customers', label: 'Customers', help: 'Everyone in your book: who booked you on the marketplace, whatever happened to the booking, and the customers you added. Archived cards are left out.', show: (s) => formatCount(s.total_customers) },
  { key: 'regular_customers', label: 'Regulars', help: 'Customers with 5 or more bookings that were not cancelled or rejected.', show: (s) => formatCount(s.regular_customers) },
  { key: 'new_customers_this_month', label: 'New this month', help: 'Customers whose very first booking was made this calendar month.', show: (s) => formatCount(s.new_customers_this_month) },
  { key: 'active_customers', label: 'Active (30 days)', help: 'Customers who made a booking in the last 30 days.', show: (s) => formatCount(s.active_customers) },
  { key: 'favorite_customers', label: 'Favourites', help: 'Customers you starred, including any you have also blocked.', show: (s) => formatCount(s.favorite_customers) },
  { key: 'blocked_customers', label: 'Blocked', help: 'Customers you blocked.', show: (s) => formatCount(s.blocked_customers) },
  { key: 'average_rating', label: 'Average rating', help: 'The mean of all review ratings you received. Customers who never reviewed are not counted as zero.', show: (s) => (s.average_rating === null ? '—' : `${formatRating(s.average_rating)} ★`) },
  { key: 'retention_rate', label: 'Retention', help: 'Share of your customers who came back: 2 or more bookings that were not cancelled or rejected.', show: (s) => (s.retention_rate === null ? "—" : `${s.retention_rate.toFixed(1)}%`) },
];

/** The chips' counts without a search: which cards name exactly a chip's customers. */
const ALL = { page: 1, page_size: 1 };

/** The list shows exactly the card's customers: its status, nothing else. */
const showing = (t: CardTarget, v: ListView) => t.clickable && v.status === t.status && !v.search && v.tags.length === 0 && v.segment === null;

type Props = { view: ListView; onFilter: (q: ViewQuery) => void };

function StatsCardsImpl({ view, onFilter }: Props) {
  const { data, isPending, isError, error, refetch } = useQuery({ queryKey: qk.stats, queryFn: commands.getStats });
  const counts = useQuery({ queryKey: qk.customers(ALL), queryFn: () => commands.listCustomers(ALL) }).data?.status_counts;
  if (isError) return <ErrorState title="Could not load the numbers" error={error} onRetry={() => void refetch()} />;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm" data-testid="stats-cards">
      {CARDS.map((c) => {
        const target: CardTarget = data ? cardTarget(c.key, data, counts) : { clickable: false, hint: null };
        const selected = showing(target, view);
        // The card sets the whole filter (its status alone); clicking the selected one shows everyone.
        const apply = () => target.clickable && onFilter({ ...(target.status && !selected ? { status: target.status } : {}), sort: view.sort, descending: view.descending });
        return (
          <Tooltip key={c.key} label={target.hint ? `${c.help} ${target.hint}` : c.help} multiline w={260} withArrow openDelay={150}>
            <Paper
              className={target.clickable ? 'card statCardClickable' : 'card'}
              p="sm"
              radius="md"
              data-testid={`stat-${c.key}`}
              data-selected={selected || undefined}
              data-clickable={target.clickable || undefined}
              {...(target.clickable
                ? { role: 'button', tabIndex: 0, 'aria-pressed': selected, onClick: apply, onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), apply()) }
                : {})}
            >
              <Group gap={4} wrap="nowrap" style={{ cursor: target.clickable ? undefined : 'help' }}>
                <Text size="xs" c={selected ? 'indigo.7' : 'dimmed'} fw={selected ? 600 : 500} className="truncate">
                  {c.label}
                </Text>
                <IconInfoCircle size={13} style={{ flexShrink: 0, opacity: 0.5 }} />
              </Group>
              {isPending ? (
                <Skeleton height={26} mt={6} width="60%" />
              ) : (
                <Text fz={22} fw={650} mt={2} className="num" data-testid={`stat-${c.key}-value`}>
                  {c.show(data)}
                </Text>
              )}
            </Paper>
          </Tooltip>
        );
      })}
    </SimpleGrid>
  );
}

/** Memoised: it re-renders when the (debounced) list view changes, not on every keystroke. */
export const StatsCards = memo(StatsCardsImpl);
