import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateChanged, SCOPE_QUERIES } from './changes';
import { qk } from './queryKeys';

function seeded() {
  const client = new QueryClient();
  const keys = [qk.appInfo, qk.syncStatus, qk.stats, qk.charts, qk.customers({ page: 1 }), qk.customer(7), qk.tags, qk.duplicates, qk.activity('all')];
  keys.forEach((k) => client.setQueryData(k, { seeded: true }));
  const stale = () => keys.filter((k) => client.getQueryState(k)?.isInvalidated).map((k) => k[0]);
  return { client, stale };
}

describe('invalidateChanged', () => {
  it('refetches exactly the queries of the scopes a write names', () => {
    const { client, stale } = seeded();
    invalidateChanged(client, { scopes: ['customers', 'activity'] });
    expect(stale()).toEqual(['customers', 'customer', 'tags', 'duplicates', 'activity']);
  });

  it('leaves everything alone for an empty change and covers every query family for all scopes', () => {
    const { client, stale } = seeded();
    invalidateChanged(client, { scopes: [] });
    expect(stale()).toEqual([]);
    invalidateChanged(client, { scopes: Object.keys(SCOPE_QUERIES) as (keyof typeof SCOPE_QUERIES)[] });
    expect(stale()).toHaveLength(9);
  });
});
