import { Badge, Group, Menu, SegmentedControl, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconAddressBook, IconBook, IconLogin } from '@tabler/icons-react';
import { memo } from 'react';
import type { ListView } from '../App';
import { useAppInfo } from '../hooks/useAppInfo';
import { useSampleBook } from '../hooks/useSampleBook';
import { BackupMenu } from './BackupMenu';
import { ExportMenu } from './ExportMenu';
import { SyncArea } from './SyncArea';
import { ThemeToggle } from './ThemeToggle';

export type Page = 'customers' | 'insights';

type Props = { getView: () => ListView; onSignIn: () => void; page: Page; onPage: (p: Page) => void };

function HeaderImpl({ getView, onSignIn, page, onPage }: Props) {
  const info = useAppInfo().data;
  const { leave } = useSampleBook();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" className="noShrink">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'violet' }}>
            <IconAddressBook size={19} />
          </ThemeIcon>
          <Text fw={700} size="lg" data-testid="app-name" visibleFrom="md">
            Clientele
          </Text>
          {info?.demo && (
            // A menu, so the way out of the sample stays at hand when the banner is hidden (short windows).
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="Sample data: made-up customers. Open for your options" data-testid="sample-badge">
                  <Badge variant="light" color="violet" size="sm" style={{ cursor: 'pointer' }}>
                    Sample data
                  </Badge>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>These customers are made up</Menu.Label>
                <Menu.Item leftSection={<IconLogin size={16} />} onClick={onSignIn} data-testid="sample-menu-sign-in">
                  Sign in to bring in yours…
                </Menu.Item>
                <Menu.Item leftSection={<IconBook size={16} />} onClick={() => leave.mutate()} data-testid="sample-menu-leave">
                  Start my own book
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <SegmentedControl
          size="sm"
          value={page}
          onChange={(v) => onPage(v as Page)}
          aria-label="Page"
          data-testid="page-switch"
          data={[
            { value: 'customers', label: <span data-testid="page-customers">Customers</span> },
            { value: 'insights', label: <span data-testid="page-insights">Insights</span> },
          ]}
        />
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <SyncArea onSignIn={onSignIn} />
        <ExportMenu getView={getView} />
        <BackupMenu />
        <ThemeToggle />
      </Group>
    </Group>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const Header = memo(HeaderImpl);
