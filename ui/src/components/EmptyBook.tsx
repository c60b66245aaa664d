import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileImport, IconFlask, IconLogin, IconSearchOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ListView } from '../App';
import { commands } from '../bindings';
import { qk } from '../queryKeys';

export type EmptyBookActions = {
  onAddCustomer: () => void;
  onImport: () => void;
  onSignIn: () => void;
  /** Absent: no way to load the sample yet, so no button. */
  onLoadSample?: () => void;
};

type Props = EmptyBookActions & { view: Pick<ListView, 'search' | 'status' | 'tags'>; onClear: () => void };

/** What the list shows with no rows: nothing matches the search, or the book is empty. */
export function EmptyBook({ view, onClear, onAddCustomer, onImport, onSignIn, onLoadSample }: Props) {
  const filtered = view.search !== '' || view.status !== null || view.tags.length > 0;
  const signedIn = useQuery({ queryKey: qk.syncStatus, queryFn: commands.syncStatus }).data?.signed_in ?? false;
  if (filtered) {
    return (
      <Stack align="center" justify="center" gap="xs" py={40} px="xl" className="emptyState" data-testid="empty-state" data-empty="no-match">
        <IconSearchOff size={40} opacity={0.4} aria-hidden />
        <Text fw={600}>No customers match</Text>
        <Text size="sm" c="dimmed" ta="center" maw={440}>
          {`Nothing matches${view.search ? ` “${view.search}”` : ''}${view.status ? ' with this status' : ''}${view.tags.length ? ' with all of these tags' : ''}. Try another spelling, or clear the search and filter.`}
        </Text>
        <Button variant="light" size="xs" onClick={onClear} data-testid="clear-filters">
          Clear search and filter
        </Button>
      </Stack>
    );
  }
  return (
    <Stack align="center" justify="center" gap="xs" py={40} px="xl" className="emptyState" data-testid="empty-state" data-empty="no-customers">
      <IconUsers size={40} opacity={0.4} aria-hidden />
      <Text fw={600}>No customers yet</Text>
      <Text size="sm" c="dimmed" ta="center" maw={460}>
        {signedIn
          ? 'Customers who book you on the marketplace arrive with each sync. You can also add customers yourself or import a list you keep.'
          : 'Add your customers yourself, import a list you keep, or sign in with your marketplace account to bring in everyone who booked you.'}
      </Text>
      <Group gap="xs" mt="xs" justify="center">
        <Button size="xs" leftSection={<IconUserPlus size={16} />} onClick={onAddCustomer} data-testid="empty-add-customer">
          Add customer
        </Button>
        <Button size="xs" variant="light" leftSection={<IconFileImport size={16} />} onClick={onImport} data-testid="empty-import">
          Import a list
        </Button>
        {!signedIn && (
          <Button size="xs" variant="light" leftSection={<IconLogin size={16} />} onClick={onSignIn} data-testid="empty-sign-in">
            Sign in
          </Button>
        )}
        {onLoadSample && (
          <Button size="xs" variant="default" leftSection={<IconFlask size={16} />} onClick={onLoadSample} data-testid="empty-load-sample">
            Load sample data
          </Button>
        )}
      </Group>
    </Stack>
  );
}
