// Merging a group of likely duplicates into its first card, with an "Undo" in the toast.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { commands, type CustomerRow } from '../../bindings';
import { toast } from '../../toast';
import { fullName } from './bookActionsContext';

type Merged = { kept: CustomerRow; others: CustomerRow[] };

/** Merges each other card into `keep` in turn; the core may keep the platform card instead, so the kept id is the one it returns. */
async function mergeAll(keep: CustomerRow, others: CustomerRow[]): Promise<Merged> {
  let kept = keep;
  for (const other of others) kept = await commands.mergeCustomers(kept.customer_id, other.customer_id);
  return { kept, others };
}

/** Each unmerge undoes the latest merge into the kept card, so one per merged card. */
async function undoAll({ kept, others }: Merged): Promise<void> {
  for (let i = 0; i < others.length; i++) await commands.unmergeCustomer(kept.customer_id);
}

export function useMerge() {
  const undo = useMutation({
    mutationFn: undoAll,
    onSuccess: () => toast.success('Merge undone'),
    onError: (err) => toast.error('Could not undo the merge', err),
  });
  return useMutation({
    mutationFn: ({ keep, others }: { keep: CustomerRow; others: CustomerRow[] }) => mergeAll(keep, others),
    onSuccess: (merged) => {
      const id = `merged-${merged.kept.customer_id}-${Date.now()}`;
      const names = merged.others.map(fullName).join(', ');
      notifications.show({
        id,
        color: 'teal',
        title: `Merged ${names} into ${fullName(merged.kept)}`,
        autoClose: 12_000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" c="dimmed">
              Their bookings, notes and tags are on one card now.
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="merge-undo"
              onClick={() => {
                notifications.hide(id);
                undo.mutate(merged);
              }}
            >
              Undo
            </Button>
          </Group>
        ),
        ...({ 'data-testid': 'toast-merged' } as Record<string, string>),
      });
    },
    onError: (err) => toast.error('Could not merge', err),
  });
}
