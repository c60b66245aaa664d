import { BarChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { Rectangle, type BarProps } from 'recharts';

/** `detail`: more for the tooltip ("3 of 7 new customers"). */
export type MonthBar = { label: string; value: number | null; dim: boolean; detail?: string };

type Props = {
  data: MonthBar[];
  /** The series' name in the tooltip. */
  name: string;
  color: string;
  format: (v: number) => string;
  /** What a lighter, dashed bar means: "month in progress", "still open". */
  dimNote: string;
  yWidth?: number;
  yMax?: number;
  /** The y axis' ticks, when they should read differently from the tooltip's values. */
  tickFormat?: (v: number) => string;
  testId: string;
};

type ShapeProps = React.ComponentProps<typeof Rectangle> & { payload?: MonthBar };

/** A bar that is not final yet: lighter, with a dashed outline, so it does not read as a drop. */
const shape = (p: ShapeProps) => (p.payload?.dim ? <Rectangle {...p} fillOpacity={0.3} stroke={typeof p.fill === 'string' ? p.fill : undefined} strokeOpacity={1} strokeWidth={1.5} strokeDasharray="4 3" /> : <Rectangle {...p} />);

const tooltipLabel = (label: string, d: MonthBar | undefined, dimNote: string) => [label, d?.dim && dimNote, d?.detail].filter(Boolean).join(' · ');

/** Months on the x axis ("Jan 2026"), horizontal grid lines, the unfinished months set apart. */
export function MonthBars({ data, name, color, format, dimNote, yWidth, yMax, tickFormat, testId }: Props) {
  const anyDim = data.some((d) => d.dim);
  return (
    <div data-testid={testId}>
      <BarChart
        h={200}
        data={data}
        dataKey="label"
        series={[{ name: 'value', label: name, color }]}
        tickLine="none"
        gridAxis="x"
        valueFormatter={format}
        yAxisProps={{ width: yWidth, ...(yMax === undefined ? {} : { domain: [0, yMax] }), ...(tickFormat ? { tickFormatter: tickFormat } : {}) }}
        xAxisProps={{ minTickGap: 8 }}
        barProps={{ shape: shape as BarProps['shape'] }}
        tooltipProps={{ labelFormatter: (label, payload) => tooltipLabel(String(label), (payload?.[0] as { payload?: MonthBar } | undefined)?.payload, dimNote) }}
      />
      {anyDim && (
        <Group gap="md" mt={4} justify="flex-end">
          <Legend color={color} label={name} />
          <Legend color={color} label={dimNote} dashed />
        </Group>
      )}
    </div>
  );
}

function Legend({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  const c = `var(--mantine-color-${color.replace('.', '-')})`;
  return (
    <Group gap={6} wrap="nowrap">
      <span
        style={{ width: 12, height: 10, borderRadius: 2, background: c, ...(dashed ? { opacity: 0.45, outline: `1.5px dashed ${c}`, outlineOffset: -1.5 } : {}) }}
        aria-hidden
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
