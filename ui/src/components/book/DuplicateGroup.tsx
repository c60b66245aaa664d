import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import type { CustomerRow, DuplicateCards } from '../../bindings';
import { formatCount, formatMoney } from '../../format';
import { fullName } from './bookActionsContext';

type Props = { group: DuplicateCards; currency: string; merging: boolean; onMerge: (keep: CustomerRow, others: CustomerRow[]) => void };

export function SourceBadge({ source }: { source: CustomerRow['source'] }) {
  return source === 'platform' ? (
    <Badge size="xs" variant="light" color="indigo">Marketplace</Badge>
  ) : (
    <Badge size="xs" variant="light" color="grape">Added by you</Badge>
  );
}

function Line({ label, value }: { label: string; value: string | null }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed" w={56} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" className="truncate" c={value ? undefined : 'dimmed'} title={value ?? undefined}>
        {value || '—'}
      </Text>
    </Group>
  );
}

function Card({ c, currency, kept }: { c: CustomerRow; currency: string; kept: boolean }) {
  return (
    <Paper className="card" p="sm" radius="md" data-testid="duplicate-card" data-customer-id={c.customer_id} style={kept ? { borderColor: 'var(--mantine-color-teal-5)' } : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} className="truncate">{fullName(c)}</Text>
          <SourceBadge source={c.source} />
        </Group>
        <Line label="Email" value={c.email} />
        <Line label="Phone" value={c.phone} />
        <Line label="City" value={c.city} />
        <Line label="Bookings" value={`${formatCount(c.total_bookings)} · ${formatMoney(c.total_spent, currency)}`} />
        <Line label="Tags" value={c.tags.join(', ')} />
        {kept && <Text size="xs" c="teal" fw={500}>Kept card</Text>}
      </Stack>
    </Paper>
  );
}

/** One group side by side; the first card (the platform one when there is one) is kept. */
export function DuplicateGroup({ group, currency, merging, onMerge }: Props) {
  const [keep, ...others] = group.customers;
  return (
    <Paper p="md" radius="md" withBorder data-testid="duplicate-group">
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Group gap={6}>
          {group.reasons.map((r) => (
            <Badge key={r} size="sm" variant="outline" color="orange" tt="none" fw={500} maw="none" data-testid="duplicate-reason">
              {r}
            </Badge>
          ))}
        </Group>
        <Button size="xs" leftSection={<IconArrowMerge size={14} />} loading={merging} onClick={() => onMerge(keep, others)} data-testid="duplicate-merge" style={{ flexShrink: 0 }}>
          Merge into {keep.first_name}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, md: Math.min(group.customers.length, 3) }} spacing="sm">
        {group.customers.map((c) => (
          <Card key={c.customer_id} c={c} currency={currency} kept={c === keep} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
