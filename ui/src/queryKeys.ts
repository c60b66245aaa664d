import type { ActivityKind } from './bindings';
import type { ChartRange } from './bindings';
import type { CustomerQuery } from './bindings';

/** Query keys in one place so invalidation and optimistic updates hit the same caches. */
export const qk = {
  appInfo: ['app-info'] as const,
  database: ['database'] as const,
  backups: ['backups'] as const,
  syncStatus: ['sync-status'] as const,
  stats: ['stats'] as const,
  charts: ['charts'] as const,
  chartsFor: (range: ChartRange) => ['charts', range] as const,
  customersAll: ['customers'] as const,
  customers: (q: CustomerQuery) => ['customers', q] as const,
  customerAll: ['customer'] as const,
  customer: (id: number) => ['customer', id] as const,
  customerPage: (id: number, page: number) => ['customer', id, page] as const,
  /** The tags in use with their counts (suggestions, the tag filter). */
  tags: ['tags'] as const,
  duplicates: ['duplicates'] as const,
  /** The counts with the rows of the first `limit` groups (0: counts only, the badge). */
  duplicatesFirst: (limit: number) => ['duplicates', limit] as const,
  /** docs/rules.md §10: read from the same cards as the list (the `customers` scope). */
  segmentCounts: ['segment-counts'] as const,
  lapsedDays: ['lapsed-days'] as const,
  views: ['saved-views'] as const,
  activityAll: ['activity'] as const,
  activity: (kind: ActivityKind | 'all') => ['activity', kind] as const,
};
