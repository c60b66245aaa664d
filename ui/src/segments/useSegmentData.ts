// The segment chips' counts, the lapsed setting and the saved views. All three are refetched
// when the core announces the `customers` scope (changes.ts); nothing here invalidates by hand.
import { useMutation, useQuery } from '@tanstack/react-query';
import { commands } from '../bindings';
import type { ViewQuery } from '../bindings';
import { qk } from '../queryKeys';

export const useSegmentCounts = () => useQuery({ queryKey: qk.segmentCounts, queryFn: commands.segmentCounts });

export const useLapsedDays = () => useQuery({ queryKey: qk.lapsedDays, queryFn: commands.lapsedDays });

export const useSavedViews = () => useQuery({ queryKey: qk.views, queryFn: commands.listViews });

export const useSetLapsedDays = () => useMutation({ mutationFn: (days: number) => commands.setLapsedDays(days) });

export const useSaveView = () => useMutation({ mutationFn: ({ name, query }: { name: string; query: ViewQuery }) => commands.saveView(name, query) });

export const useRenameView = () => useMutation({ mutationFn: ({ id, name }: { id: number; name: string }) => commands.renameView(id, name) });

export const useDeleteView = () => useMutation({ mutationFn: (id: number) => commands.deleteView(id) });
