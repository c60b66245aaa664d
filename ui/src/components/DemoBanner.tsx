import { Alert, Button, Group, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useAppInfo } from '../hooks/useAppInfo';
import { memo } from 'react';

function DemoBannerImpl({ onSignIn }: { onSignIn: () => void }) {
  const { data } = useAppInfo();
  if (!data?.demo) return null;
  return (
    <Alert
      data-testid="demo-banner"
      variant="light"
      color="violet"
      icon={<IconFlask size={20} />}
      title="You are looking at sample data"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">
          These customers are made up so you can try Clientele. Sign in with your marketplace account
          to bring in your own customers — they stay on this computer.
        </Text>
        <Button size="xs" variant="filled" color="violet" onClick={onSignIn} data-testid="demo-sign-in" style={{ flexShrink: 0 }}>
          Sign in
        </Button>
      </Group>
    </Alert>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const DemoBanner = memo(DemoBannerImpl);
