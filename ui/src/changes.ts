// The one place the UI reacts to the core's change signal: each scope a write reports
// (`data-changed`, generated from clientele::changes) refetches exactly its queries.
import type { QueryClient } from '@tanstack/react-query';
import type { Changes, Scope } from './bindings';
import { qk } from './queryKeys';

/** Typed by `Scope`: a scope added in Rust fails the type check until it is mapped here. */
export const SCOPE_QUERIES: Record<Scope, readonly (readonly unknown[])[]> = {
  // The tag list and the duplicate groups are read from the same cards as the list.
  customers: [qk.customersAll, qk.customerAll, qk.tags, qk.duplicates, qk.segmentCounts, qk.lapsedDays, qk.views],
  stats: [qk.stats],
  charts: [qk.charts],
  activity: [qk.activityAll],
  sync: [qk.syncStatus],
  app: [qk.appInfo, qk.database, qk.backups],
};

export function invalidateChanged(client: QueryClient, changes: Changes): void {
  for (const scope of changes.scopes) {
    for (const queryKey of SCOPE_QUERIES[scope]) void client.invalidateQueries({ queryKey });
  }
}
