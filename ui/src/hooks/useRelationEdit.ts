// Favourite / block / notes edits: applied to every cached copy of the customer at once,
// rolled back with an error toast if the store refuses. What else the edit changed is
// refetched through the core's change signal (changes.ts), not listed here.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { commands } from '../bindings';
import type { CustomerDetail } from '../bindings';
import type { CustomerPage } from '../bindings';
import type { CustomerRow } from '../bindings';
import type { RelationEdit } from '../bindings';
import { qk } from '../queryKeys';
import { toast } from '../toast';

type Vars = { customer: CustomerRow; edit: RelationEdit };
type Snapshot = Array<[readonly unknown[], unknown]>;

/** Only the edited flag/field changes optimistically; the status badge waits for the core. */
export function applyEdit(row: CustomerRow, edit: RelationEdit): CustomerRow {
  switch (edit.field) {
    case 'favorite':
      return { ...row, is_favorite: edit.value };
    case 'blocked':
      return { ...row, is_blocked: edit.value, blocked_reason: edit.value ? edit.reason : null };
    case 'notes':
      return { ...row, notes: edit.value };
    case 'tags':
      return { ...row, tags: edit.value };
  }
}

function patchCaches(client: QueryClient, id: number, patch: (r: CustomerRow) => CustomerRow) {
  client.setQueriesData<CustomerPage>({ queryKey: qk.customersAll }, (page) =>
    page && page.results.some((r) => r.customer_id === id)
      ? { ...page, results: page.results.map((r) => (r.customer_id === id ? patch(r) : r)) }
      : page,
  );
  client.setQueriesData<CustomerDetail>({ queryKey: qk.customer(id) }, (d) =>
    d ? { ...d, customer: patch(d.customer) } : d,
  );
}

function successText(edit: RelationEdit, name: string): string {
  switch (edit.field) {
    case 'favorite':
      return edit.value ? `${name} added to favourites` : `${name} removed from favourites`;
    case 'blocked':
      return edit.value ? `${name} blocked` : `${name} unblocked`;
    case 'notes':
      return `Notes saved for ${name}`;
    case 'tags':
      return `Tags saved for ${name}`;
  }
}

export function useRelationEdit() {
  const client = useQueryClient();
  return useMutation<CustomerRow, unknown, Vars, Snapshot>({
    mutationFn: ({ customer, edit }) => commands.editRelation(customer.customer_id, edit),
    retry: false,
    onMutate: async ({ customer, edit }) => {
      const id = customer.customer_id;
      // Stop in-flight refetches from overwriting the optimistic value.
      await client.cancelQueries({ queryKey: qk.customersAll });
      await client.cancelQueries({ queryKey: qk.customer(id) });
      const snapshot: Snapshot = [
        ...client.getQueriesData({ queryKey: qk.customersAll }),
        ...client.getQueriesData({ queryKey: qk.customer(id) }),
      ];
      patchCaches(client, id, (r) => applyEdit(r, edit));
      return snapshot;
    },
    onError: (err, { customer }, snapshot) => {
      snapshot?.forEach(([key, data]) => client.setQueryData(key, data));
      toast.error(`${customer.first_name} ${customer.last_name} was not changed.`, err);
    },
    onSuccess: (saved, { edit }) => {
      patchCaches(client, saved.customer_id, () => saved);
      toast.success(successText(edit, `${saved.first_name} ${saved.last_name}`));
    },
    // Counts, stats and activity follow from the core's `data-changed` signal (changes.ts).
  });
}
