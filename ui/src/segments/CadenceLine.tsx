import { Group, Text, Tooltip } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import type { CustomerRow } from '../bindings';
import { cadenceParts, NO_RHYTHM } from './cadence';

const HOW = "The typical (median) gap between their visit dates, from 3 dates on; cancelled and rejected bookings are left out. Expected = the last visit + that gap.";

/** The customer's rhythm in the detail drawer. */
export function CadenceLine({ customer }: { customer: CustomerRow }) {
  const p = cadenceParts(customer);
  return (
    <Tooltip label={HOW} multiline w={300} withArrow openDelay={300}>
      <Group gap={6} wrap="nowrap" mt="sm" data-testid="detail-cadence" style={{ cursor: 'help' }}>
        <IconRepeat size={15} style={{ flexShrink: 0, opacity: 0.6 }} />
        {p === null ? (
          <Text size="sm" c="dimmed">
            {NO_RHYTHM}
          </Text>
        ) : (
          <Text size="sm">
            {[p.every, p.expected].filter(Boolean).join(' · ')}
            {p.due && (
              <>
                {' · '}
                <Text span size="sm" fw={600} c={p.overdue ? 'orange.7' : 'teal.7'} data-testid="detail-cadence-due">
                  {p.due}
                </Text>
              </>
            )}
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}
