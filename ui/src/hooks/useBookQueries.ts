import { useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import { qk } from '../queryKeys';

/** Tags in use with their counts, most used first; refetched with the customers (changes.ts). */
export function useTags() {
  return useQuery({ queryKey: qk.tags, queryFn: commands.listTags, staleTime: 60_000 });
}

/**
 * Likely duplicates: the group and card counts, with the rows of the first `limit` groups
 * (the badge asks for none, the open dialog for the groups it shows).
 */
export function useDuplicates(limit: number, enabled = true) {
  return useQuery({ queryKey: qk.duplicatesFirst(limit), queryFn: () => commands.listDuplicates(limit), staleTime: 60_000, enabled });
}
