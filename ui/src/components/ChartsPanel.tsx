import { BarChart, DonutChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import { formatCount, formatMoney, formatMonth } from '../format';
import { useCurrency } from '../hooks/useAppInfo';
import { qk } from '../queryKeys';
import { STATUSES, STATUS_COLOR, STATUS_LABEL } from '../theme';
import { ErrorState } from './ErrorState';
import { memo } from 'react';

function ChartCard({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper className="card" p="md" radius="md" data-testid={testId}>
      <Text fw={600} size="sm" mb="sm">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function ChartsPanelImpl() {
  const currency = useCurrency();
  const { data, isPending, isError, error, refetch } = useQuery({ queryKey: qk.charts, queryFn: () => commands.getCharts(null) }); // null: the core's default range (last 12 months)
  if (isError) return <ErrorState title="Could not load the charts" error={error} onRetry={() => void refetch()} />;
  if (isPending) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Skeleton height={250} radius="md" />
        <Skeleton height={250} radius="md" />
        <Skeleton height={250} radius="md" />
      </SimpleGrid>
    );
  }
  // Money → number only to place bars; labels are formatted from the numbers for display.
  const months = data.months.map((m) => ({
    month: formatMonth(m.month),
    customers: m.new_customers,
    revenue: Number(m.revenue),
  }));
  const counts = data.status_counts;
  const donut = STATUSES.map((s) => ({
    name: STATUS_LABEL[s],
    value: counts[s],
    color: `${STATUS_COLOR[s]}.6`,
  })).filter((d) => d.value > 0);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title="New customers per month" testId="chart-new-customers">
          <BarChart h={200} data={months} dataKey="month" series={[{ name: 'customers', label: 'New customers', color: 'indigo.5' }]} tickLine="none" gridAxis="y" valueFormatter={formatCount} />
        </ChartCard>
        <ChartCard title="Revenue per month (completed bookings)" testId="chart-revenue">
          <BarChart h={200} data={months} dataKey="month" series={[{ name: 'revenue', label: 'Revenue', color: 'teal.5' }]} tickLine="none" gridAxis="y" yAxisProps={{ width: 72 }} valueFormatter={(v) => formatMoney(v.toFixed(2), currency, true)} />
        </ChartCard>
      </SimpleGrid>
      <ChartCard title="Customers by status" testId="chart-status">
        <Group wrap="nowrap" align="center" gap={40}>
          <DonutChart data={donut} size={150} thickness={22} withTooltip tooltipDataSource="segment" chartLabel={formatCount(counts.all)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={40} verticalSpacing={10} style={{ flex: 1 }}>
            {STATUSES.map((s) => (
              <Group key={s} justify="space-between" gap="xs" wrap="nowrap">
                <Group gap={8} wrap="nowrap">
                  <span style={{ width: 10, height: 10, borderRadius: 3, background: `var(--mantine-color-${STATUS_COLOR[s]}-6)` }} />
                  <Text size="sm">{STATUS_LABEL[s]}</Text>
                </Group>
                <Text size="sm" fw={600} className="num">
                  {formatCount(counts[s])}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        </Group>
      </ChartCard>
    </Stack>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const ChartsPanel = memo(ChartsPanelImpl);
