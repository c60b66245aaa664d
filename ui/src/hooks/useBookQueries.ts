import { useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import { qk } from '../queryKeys';

/** Tags in use with their counts, most used first; refetched with the customers (changes.ts). */
export function useTags() {
  return useQuery({ queryKey: qk.tags, queryFn: commands.listTags, staleTime: 60_000 });
}

export function useDuplicates() {
  return useQuery({ queryKey: qk.duplicates, queryFn: commands.listDuplicates, staleTime: 60_000 });
}
