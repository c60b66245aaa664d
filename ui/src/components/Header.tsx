import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import type { ListView } from '../App';
import { useAppInfo } from '../hooks/useAppInfo';
import { ExportMenu } from './ExportMenu';
import { SyncArea } from './SyncArea';
import { ThemeToggle } from './ThemeToggle';
import { memo } from 'react';

function HeaderImpl({ view, onSignIn }: { view: ListView; onSignIn: () => void }) {
  const info = useAppInfo().data;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'violet' }}>
          <IconAddressBook size={20} />
        </ThemeIcon>
        <Text fw={700} size="lg" data-testid="app-name">
          Clientele
        </Text>
        {info?.demo && (
          <Badge variant="light" color="violet" size="sm">
            Sample data
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SyncArea onSignIn={onSignIn} />
        <ExportMenu getView={() => view} />
        <ThemeToggle />
      </Group>
    </Group>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const Header = memo(HeaderImpl);
