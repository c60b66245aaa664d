import { ActionIcon } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import type { CustomerRow } from '../../bindings';
import { useBookActions } from './bookActionsContext';

/** "Record a visit" in a list row; the click never reaches the row (which opens the detail). */
export function RowVisitButton({ customer }: { customer: CustomerRow }) {
  const a = useBookActions();
  return (
    <ActionIcon
      title="Record a visit"
      aria-label="Record a visit"
      variant="subtle"
      color="gray"
      data-testid="row-record-visit"
      onClick={(e) => {
        e.stopPropagation();
        a.recordVisit(customer);
      }}
    >
      <IconCalendarPlus size={18} />
    </ActionIcon>
  );
}
