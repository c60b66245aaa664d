import { Badge, Group, SegmentedControl, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { memo } from 'react';
import type { ListView } from '../App';
import { useAppInfo } from '../hooks/useAppInfo';
import { BackupMenu } from './BackupMenu';
import { ExportMenu } from './ExportMenu';
import { SyncArea } from './SyncArea';
import { ThemeToggle } from './ThemeToggle';

export type Page = 'customers' | 'insights';

type Props = { getView: () => ListView; onSignIn: () => void; page: Page; onPage: (p: Page) => void };

function HeaderImpl({ getView, onSignIn, page, onPage }: Props) {
  const info = useAppInfo().data;
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
            <Tooltip label="These customers are made up so you can try Clientele. Sign in to bring in your own." multiline w={260}>
              <Badge variant="light" color="violet" size="sm" tabIndex={0} data-testid="sample-badge">
                Sample data
              </Badge>
            </Tooltip>
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
