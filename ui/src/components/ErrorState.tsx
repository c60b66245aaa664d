import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { describeError } from '../errors';

/** A panel that could not load: what failed (`title`), then the code's title and message. */
export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  const p = describeError(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} data-testid="error-state" data-error-code={p.code}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {p.title}. {p.message}
        </Text>
        <Button size="xs" variant="white" color="red" onClick={onRetry} data-testid="retry-button">
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
