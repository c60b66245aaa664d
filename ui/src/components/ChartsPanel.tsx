import { DonutChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { commands } from '../bindings';
import type { ChartRange, Charts } from '../bindings';
import { MonthBars } from '../charts/MonthBars';
import { ServiceBars } from '../charts/ServiceBars';
import { formatCount, formatMoney } from '../format';
import { useCurrency } from '../hooks/useAppInfo';
import { qk } from '../queryKeys';
import { STATUSES, STATUS_COLOR, STATUS_LABEL } from '../theme';
import { ErrorState } from './ErrorState';

const RANGES: { value: ChartRange; label: string }[] = [
  { value: 'last12_months', label: 'Last 12 months' },
  { value: 'this_year', label: 'This year' },
  { value: 'all_time', label: 'All time' },
];

function ChartCard({ title, caption, children, testId }: { title: string; caption?: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper className="card" p="md" radius="md" data-testid={testId}>
      <Text fw={600} size="sm" mb={caption ? 0 : 'sm'}>
        {title}
      </Text>
      {caption && (
        <Text size="xs" c="dimmed" mb="sm">
          {caption}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function ChartsPanelImpl() {
  const [range, setRange] = useState<ChartRange>('last12_months');
  // The previous range stays on screen while the next one loads, so the panel does not jump.
  const { data, isPending, isError, error, refetch } = useQuery({ queryKey: qk.chartsFor(range), queryFn: () => commands.getCharts(range), placeholderData: keepPreviousData });
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
  if (data.empty) {
    return (
      <Paper className="card" p="xl" radius="md" data-testid="charts-empty">
        <Stack align="center" gap={6}>
          <IconChartBar size={32} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Text fw={600}>No bookings yet</Text>
          <Text size="sm" c="dimmed" ta="center">
            No bookings yet — charts appear after your first visit or sync.
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="md" data-testid="charts">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>Trends</Text>
        <SegmentedControl size="xs" data={RANGES} value={range} onChange={(v) => setRange(v as ChartRange)} data-testid="chart-range" aria-label="Chart range" />
      </Group>
      <MonthCharts data={data} />
      <StatusCard counts={data.status_counts} />
    </Stack>
  );
}

function MonthCharts({ data }: { data: Charts }) {
  const currency = useCurrency();
  const money = (v: number) => formatMoney(v.toFixed(2), currency, true);
  const PROGRESS = 'month in progress';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ChartCard title="New customers per month" testId="chart-new-customers">
        <MonthBars testId="chart-new-customers-bars" name="New customers" color="indigo.5" format={formatCount} dimNote={PROGRESS} data={data.months.map((m) => ({ label: m.label, value: m.new_customers, dim: m.partial }))} />
      </ChartCard>
      <ChartCard title="Revenue per month (completed bookings)" testId="chart-revenue">
        {/* Money → number only to place bars; labels are formatted from the numbers for display. */}
        <MonthBars testId="chart-revenue-bars" name="Revenue" color="teal.5" format={money} yWidth={72} dimNote={PROGRESS} data={data.months.map((m) => ({ label: m.label, value: Number(m.revenue), dim: m.partial }))} />
      </ChartCard>
      <ChartCard title="Came back within 90 days" caption="Of each month’s new customers, the share who booked again within 90 days of their first booking. A month stays open until 90 days after it ends." testId="chart-cohort">
        <MonthBars
          testId="chart-cohort-bars"
          name="Booked again"
          color="grape.5"
          format={(v) => `${v.toFixed(1)}%`}
          yMax={100}
          yWidth={44}
          tickFormat={(v) => `${Math.round(v)}%`}
          dimNote="still open"
          data={data.months.map((m) => ({ label: m.label, value: m.cohort_rate, dim: m.cohort_open, detail: m.new_customers ? `${formatCount(m.cohort_rebooked)} of ${formatCount(m.new_customers)} new customers` : 'no new customers' }))}
        />
      </ChartCard>
      <ChartCard title="Revenue by service (top 10)" caption="Completed bookings in the range." testId="chart-services">
        <ServiceBars services={data.services} format={money} />
      </ChartCard>
    </SimpleGrid>
  );
}

function StatusCard({ counts }: { counts: Charts['status_counts'] }) {
  const donut = STATUSES.map((s) => ({ name: STATUS_LABEL[s], value: counts[s], color: `${STATUS_COLOR[s]}.6` })).filter((d) => d.value > 0);
  return (
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
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const ChartsPanel = memo(ChartsPanelImpl);
