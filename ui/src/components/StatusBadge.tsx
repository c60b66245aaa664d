import { Badge } from '@mantine/core';
import type { CustomerStatus } from '../bindings';
import { STATUS_COLOR, STATUS_LABEL } from '../theme';

export function StatusBadge({ status }: { status: CustomerStatus }) {
  return (
    <Badge
      data-testid="status-badge"
      data-status={status}
      color={STATUS_COLOR[status] ?? 'gray'}
      variant="light"
      radius="sm"
      size="sm"
    >
      {STATUS_LABEL[status] ?? status}
    </Badge>
  );
}
