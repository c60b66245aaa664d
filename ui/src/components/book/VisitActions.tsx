import { ActionIcon, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { BookingItem, CustomerRow } from '../../bindings';
import { useBookActions } from './bookActionsContext';

/** Edit and delete for a visit the provider recorded; platform bookings are the marketplace's. */
export function VisitActions({ customer, booking }: { customer: CustomerRow; booking: BookingItem }) {
  const a = useBookActions();
  if (booking.source !== 'local') return null;
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      <ActionIcon size="sm" variant="subtle" color="gray" title="Edit this visit" aria-label="Edit visit" onClick={() => a.editVisit(customer, booking)} data-testid="visit-edit">
        <IconPencil size={15} />
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="red" title="Delete this visit" aria-label="Delete visit" onClick={() => a.deleteVisit(customer, booking)} data-testid="visit-delete">
        <IconTrash size={15} />
      </ActionIcon>
    </Group>
  );
}
