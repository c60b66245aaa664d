import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { ServiceRevenue } from '../bindings';

/** Revenue by service, top 10, biggest first, as horizontal bars. */
export function ServiceBars({ services, format }: { services: ServiceRevenue[]; format: (v: number) => string }) {
  if (services.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="chart-services-empty">
        No completed bookings in this range.
      </Text>
    );
  }
  // Money → number only to place the bars.
  const data = services.map((s) => ({ service: s.service, revenue: Number(s.revenue), bookings: s.bookings }));
  return (
    <BarChart
      h={Math.max(120, 28 * data.length + 30)}
      data={data}
      dataKey="service"
      orientation="vertical"
      series={[{ name: 'revenue', label: 'Revenue', color: 'violet.5' }]}
      tickLine="none"
      gridAxis="y"
      valueFormatter={format}
      yAxisProps={{ width: 130, interval: 0, tickFormatter: (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s) }}
      tooltipProps={{ labelFormatter: (label, payload) => `${String(label)} · ${(payload?.[0] as { payload?: { bookings: number } } | undefined)?.payload?.bookings ?? 0} completed` }}
      data-testid="chart-services-bars"
    />
  );
}
