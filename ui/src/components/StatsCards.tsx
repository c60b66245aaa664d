import { Group, Paper, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ListView } from '../App';
import { commands, DEFAULTS } from '../bindings';
import type { ViewQuery } from '../bindings';
import { qk } from '../queryKeys';
import '../segments/segments.css';
import { cardTarget, type CardTarget } from '../segments/statFilters';
import { ErrorState } from './ErrorState';
import { statCards } from './statCards';
import { memo } from 'react';

// No command reports the provider's current thresholds yet; these are the core's defaults
// from the generated bindings (never a literal here).
const CARDS = statCards(DEFAULTS.thresholds);

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
    // One row: the cards shrink to a minimum width, then the row scrolls sideways.
    <div className="statsRow" data-testid="stats-cards">
      {CARDS.map((c) => {
        const target: CardTarget = data ? cardTarget(c.key, data, counts) : { clickable: false, hint: null };
        const selected = showing(target, view);
        // The card sets the whole filter (its status alone); clicking the selected one shows everyone.
        const apply = () => target.clickable && onFilter({ ...(target.status && !selected ? { status: target.status } : {}), sort: view.sort, descending: view.descending });
        return (
          <Tooltip key={c.key} label={target.hint ? `${c.help} ${target.hint}` : c.help} multiline w={260} withArrow openDelay={150} events={{ hover: true, focus: true, touch: false }}>
            <Paper
              className={target.clickable ? 'card statCard statCardClickable' : 'card statCard'}
              p="sm"
              radius="md"
              tabIndex={0}
              aria-label={`${c.label}. ${c.help}`}
              data-testid={`stat-${c.key}`}
              data-selected={selected || undefined}
              data-clickable={target.clickable || undefined}
              {...(target.clickable
                ? { role: 'button', tabIndex: 0, 'aria-pressed': selected, onClick: apply, onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), apply()) }
                : {})}
            >
              <Group gap={4} wrap="nowrap" style={{ cursor: target.clickable ? undefined : 'help' }}>
                <Text size="xs" c={selected ? 'indigo.7' : 'dimmed'} fw={selected ? 600 : 500} className="truncate" data-testid={`stat-${c.key}-label`}>
                  {c.label}
                </Text>
                <IconInfoCircle size={13} style={{ flexShrink: 0, opacity: 0.5 }} />
              </Group>
              {isPending ? (
                <Skeleton height={26} mt={6} width="60%" />
              ) : (
                <Text fw={650} className="num statValue" data-testid={`stat-${c.key}-value`}>
                  {c.show(data)}
                </Text>
              )}
            </Paper>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** Memoised: it re-renders when the (debounced) list view changes, not on every keystroke. */
export const StatsCards = memo(StatsCardsImpl);
