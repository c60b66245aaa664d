import { Loader, Modal, Stack, Text } from '@mantine/core';
import { formatCount } from '../../format';
import { useCurrency } from '../../hooks/useAppInfo';
import { useDuplicates } from '../../hooks/useBookQueries';
import { ErrorState } from '../ErrorState';
import { DuplicateGroup } from './DuplicateGroup';
import { useMerge } from './useMerge';

/** Rendering (and sending) thousands of groups at once would stall the page; merging the first ones brings up the next. */
const SHOWN = 30;

export function DuplicatesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const currency = useCurrency();
  const q = useDuplicates(SHOWN, opened);
  const merge = useMerge();
  const groups = q.data?.groups ?? [];
  const total = q.data?.group_count ?? 0;
  return (
    <Modal opened={opened} onClose={onClose} title="Likely duplicates" size={960} data-testid="duplicates-dialog">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Cards with the same email, the same phone, or the same name in the same city. Merging keeps the first card (the marketplace’s when there is one) and moves the others’ bookings,
          notes and tags onto it; it can be undone.
        </Text>
        {q.isError ? (
          <ErrorState title="Could not look for duplicates" error={q.error} onRetry={() => void q.refetch()} />
        ) : q.isPending ? (
          <Loader size="sm" />
        ) : groups.length === 0 ? (
          <Text size="sm" data-testid="duplicates-none">
            No likely duplicates left.
          </Text>
        ) : (
          <>
            {groups.map((g) => (
              <DuplicateGroup
                key={g.customers.map((c) => c.customer_id).join('-')}
                group={g}
                currency={currency}
                merging={merge.isPending && merge.variables?.keep.customer_id === g.customers[0].customer_id}
                onMerge={(keep, others) => merge.mutate({ keep, others })}
              />
            ))}
            {total > groups.length && (
              <Text size="sm" c="dimmed" data-testid="duplicates-more">
                Showing {formatCount(groups.length)} of {formatCount(total)} groups; merge these to see the next.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
