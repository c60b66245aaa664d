// The list's filters and sort as a saved view's query, and back (docs/rules.md §10).
import type { ListView } from '../App';
import type { SortKey, ViewQuery } from '../bindings';
import { DEFAULTS } from '../bindings';
import { STATUS_LABEL } from '../theme';
import { SEGMENT_LABEL } from './segmentInfo';

export const SORT_LABEL: Record<SortKey, string> = {
  last_booking: 'Last booking',
  name: 'Name',
  total_bookings: 'Total bookings',
  total_spent: 'Total spent',
  average_rating: 'Average rating',
  overdue: 'Overdue',
};

/** Only what is set, like the list query: an empty search or no status is left out. */
export function toViewQuery(v: ListView): ViewQuery {
  return {
    ...(v.search ? { search: v.search } : {}),
    ...(v.status ? { status: v.status } : {}),
    ...(v.tags.length ? { tags: v.tags } : {}),
    ...(v.segment ? { segment: v.segment } : {}),
    sort: v.sort,
    descending: v.descending,
  };
}

/** The list state a query shows; what it leaves out is the default. */
export function fromViewQuery(q: ViewQuery): ListView {
  const sort = q.sort ?? DEFAULTS.sort;
  return { search: q.search ?? '', status: q.status ?? null, tags: q.tags ?? [], segment: q.segment ?? null, sort, descending: q.descending ?? DEFAULTS.descending[sort] };
}

export function sameView(q: ViewQuery, v: ListView): boolean {
  const a = fromViewQuery(q);
  return a.search === v.search && a.status === v.status && a.segment === v.segment && a.sort === v.sort && a.descending === v.descending && a.tags.join('\u0000') === v.tags.join('\u0000');
}

/** "Lapsed · Regular · “ram” · VIP, Walk-in · by Overdue". */
export function describeView(q: ViewQuery): string {
  const v = fromViewQuery(q);
  const parts = [
    v.segment && SEGMENT_LABEL[v.segment],
    v.status && STATUS_LABEL[v.status],
    v.search && `“${v.search}”`,
    v.tags.length > 0 && v.tags.join(', '),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const sort = v.sort === DEFAULTS.sort && v.descending === DEFAULTS.descending[v.sort] ? null : `by ${SORT_LABEL[v.sort]}${v.descending === DEFAULTS.descending[v.sort] ? '' : ' (reversed)'}`;
  return [parts.length ? parts.join(' · ') : 'Everyone', sort].filter(Boolean).join(' · ');
}
