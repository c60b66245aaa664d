import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { toErrorPayload } from '../errors';

export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} data-testid="error-state">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{toErrorPayload(error).message}</Text>
        <Button size="xs" variant="white" color="red" onClick={onRetry} data-testid="retry-button">
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
