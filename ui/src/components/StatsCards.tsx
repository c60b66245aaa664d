import { Group, Paper, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { commands, DEFAULTS } from '../bindings';
import { qk } from '../queryKeys';
import { ErrorState } from './ErrorState';
import { statCards } from './statCards';

// No command reports the provider's current thresholds yet; these are the core's defaults
// from the generated bindings (never a literal here).
const CARDS = statCards(DEFAULTS.thresholds);

function StatsCardsImpl() {
  const { data, isPending, isError, error, refetch } = useQuery({ queryKey: qk.stats, queryFn: commands.getStats });
  if (isError) return <ErrorState title="Could not load the numbers" error={error} onRetry={() => void refetch()} />;
  return (
    // One row: the cards shrink to a minimum width, then the row scrolls sideways.
    <div className="statsRow" data-testid="stats-cards">
      {CARDS.map((c) => (
        <Tooltip key={c.key} label={c.help} multiline w={260} withArrow openDelay={150} events={{ hover: true, focus: true, touch: false }}>
          <Paper className="card statCard" radius="md" tabIndex={0} aria-label={`${c.label}. ${c.help}`} data-testid={`stat-${c.key}`}>
            <Group gap={4} wrap="nowrap" style={{ cursor: 'help' }}>
              <Text size="xs" c="dimmed" fw={500} className="noShrink" data-testid={`stat-${c.key}-label`}>
                {c.label}
              </Text>
              <IconInfoCircle size={13} style={{ flexShrink: 0, opacity: 0.5 }} aria-hidden />
            </Group>
            {isPending ? (
              <Skeleton height={20} mt={4} width="60%" />
            ) : (
              <Text fw={650} className="num statValue" data-testid={`stat-${c.key}-value`}>
                {c.show(data)}
              </Text>
            )}
          </Paper>
        </Tooltip>
      ))}
    </div>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const StatsCards = memo(StatsCardsImpl);
