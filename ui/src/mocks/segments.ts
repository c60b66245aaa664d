// Segments, cadence, saved views and the chart range in the mock (docs/rules.md §10),
// simplified: computed on read from the mock's rows, "today" in UTC.
import type { ChartRange, Charts, CustomerRow, SavedView, Segment, SegmentCounts, ViewQuery } from '../bindings';
import type { MockBackend } from './backend';
import { money, type MockBooking } from './data';
import { invalid } from './rules';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / DAY);
const COUNTED = (s: string) => s !== 'cancelled' && s !== 'rejected';

/** Cadence (median gap of the distinct visit dates ≤ today, with ≥ 3), the last of them, overdue days. */
export function cadence(bookings: MockBooking[]): Pick<CustomerRow, 'cadence_days' | 'overdue_days' | 'visit_dated_on'> {
  const t = today();
  const dates = [...new Set(bookings.filter((b) => COUNTED(b.status) && b.booking_date <= t).map((b) => b.booking_date))].sort();
  const last = dates[dates.length - 1] ?? null;
  if (dates.length < 3) return { cadence_days: null, overdue_days: null, visit_dated_on: last };
  const gaps = dates.slice(1).map((d, i) => days(d, dates[i])).sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  // Like the core: the mean of the two middle gaps for an even count, so it can end in .5.
  const median = gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
  return { cadence_days: median, overdue_days: days(t, last!) - median, visit_dated_on: last };
}

export const SEGMENTS: Segment[] = ['upcoming', 'lapsed', 'at_risk', 'cancel_prone', 'top_spenders', 'unreviewed'];

/** Which segment each non-archived row is in; a blocked customer is only ever cancel_prone. */
export function inSegment(b: MockBackend, rows: CustomerRow[], segment: Segment): (r: CustomerRow) => boolean {
  const t = today();
  if (segment === 'top_spenders') {
    const spenders = rows.filter((r) => !r.archived && !r.is_blocked && Number(r.total_spent) > 0).sort((x, y) => Number(y.total_spent) - Number(x.total_spent) || x.customer_id - y.customer_id);
    const top = new Set(spenders.slice(0, Math.ceil(spenders.length / 10)).map((r) => r.customer_id));
    return (r) => top.has(r.customer_id);
  }
  return (r) => {
    if (r.archived || (r.is_blocked && segment !== 'cancel_prone')) return false;
    switch (segment) {
      case 'upcoming':
        return !!r.next_visit_on && r.next_visit_on >= t && days(r.next_visit_on, t) <= 7;
      case 'lapsed':
        return !r.next_visit_on && !!r.visit_dated_on && days(t, r.visit_dated_on) >= b.lapsedDays;
      case 'at_risk':
        return r.cadence_days !== null && !r.next_visit_on && !!r.visit_dated_on && days(t, r.visit_dated_on) > 2 * r.cadence_days;
      case 'cancel_prone':
        return r.cancelled_bookings >= 3 && r.cancelled_bookings / (r.total_bookings + r.cancelled_bookings) >= 0.3;
      case 'unreviewed':
        return r.last_visit_on !== null && r.review_count === 0;
    }
  };
}

export function segmentCounts(b: MockBackend): SegmentCounts {
  const rows = b.rows();
  return Object.fromEntries(SEGMENTS.map((s) => [s, rows.filter(inSegment(b, rows, s)).length])) as SegmentCounts;
}

export function setLapsedDays(b: MockBackend, d: number): number {
  if (!Number.isInteger(d) || d < 1 || d > 3650) throw invalid(`lapsed_days: must be from 1 to 3650 days (got ${d})`);
  b.lapsedDays = d;
  b.changed();
  return d;
}

const counted = (b: MockBackend, v: { id: number; name: string; query: ViewQuery }): SavedView => ({ ...v, count: b.listCustomers({ ...v.query, page: 1, page_size: 1 }).count });
const notFound = (id: number) => ({ code: 'not_found' as const, message: `no saved view with id ${id}` });

/** The core's refusals (clientele::views::check_name): trimmed, 1–60 characters, not taken by another view. */
function checkName(b: MockBackend, name: string, except: number | null): string {
  const n = name.trim();
  if (!n || Array.from(n).length > 60) throw invalid("name: a view's name must be 1 to 60 characters");
  if (b.views.some((v) => v.name === n && v.id !== except)) throw invalid(`name: a view called ${JSON.stringify(n)} exists already`);
  return n;
}

export const listViews = (b: MockBackend) =>
  [...b.views].sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase())).map((v) => counted(b, v));
export function saveView(b: MockBackend, name: string, query: ViewQuery): SavedView {
  const v = { id: Math.max(0, ...b.views.map((x) => x.id)) + 1, name: checkName(b, name, null), query };
  b.views.push(v);
  return counted(b, v);
}
export function renameView(b: MockBackend, id: number, name: string): SavedView {
  const v = b.views.find((x) => x.id === id);
  if (!v) throw notFound(id);
  v.name = checkName(b, name, id);
  return counted(b, v);
}
export function deleteView(b: MockBackend, id: number): null {
  const i = b.views.findIndex((x) => x.id === id);
  if (i < 0) throw notFound(id);
  b.views.splice(i, 1);
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The months of the range, revenue by service (top 10), and new-customer cohorts rebooked within 90 days. */
export function charts(b: MockBackend, range: ChartRange | null): Charts {
  const r = range ?? 'last12_months';
  const cards = b.customers.filter((c) => !c.archived && c.merged_into === null);
  const all = cards.flatMap((c) => c.bookings);
  const now = new Date();
  const first = all.reduce((m, x) => (x.booking_date < m ? x.booking_date : m), now.toISOString().slice(0, 10));
  const start = r === 'this_year' ? new Date(now.getFullYear(), 0, 1) : r === 'all_time' ? new Date(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, 1) : new Date(now.getFullYear(), now.getMonth() - 11, 1);
  const count = (now.getFullYear() - start.getFullYear()) * 12 + now.getMonth() - start.getMonth() + 1;
  const firsts = cards.map((c) => c.bookings.map((x) => x.created_at).sort()).filter((d) => d.length > 0);
  const months = Array.from({ length: count }, (_, i) => {
    const d = new Date(start.getFullYear(), start.getMonth() + i, 1);
    const m = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    const paisa = all.filter((x) => x.status === 'completed' && x.booking_date.startsWith(m)).reduce((s, x) => s + x.paisa, 0);
    const cohort = firsts.filter((d) => d[0].startsWith(m));
    const rebooked = cohort.filter((d) => d.length > 1 && Date.parse(d[1]) - Date.parse(d[0]) <= 90 * DAY).length;
    const end = new Date(d.getFullYear(), d.getMonth() + 1, 1);
    return {
      month: m, label: `${MONTHS[d.getMonth()]} ${d.getFullYear()}`, partial: end > now, new_customers: cohort.length, revenue: money(paisa),
      cohort_rebooked: rebooked, cohort_rate: cohort.length ? Math.round((rebooked / cohort.length) * 1000) / 10 : null, cohort_open: now.getTime() - end.getTime() < 90 * DAY,
    };
  });
  const from = months[0].month;
  const byService = new Map<string, { revenue: number; bookings: number }>();
  for (const x of all) {
    if (x.status !== 'completed' || x.booking_date.slice(0, 7) < from) continue;
    const s = byService.get(x.service_title) ?? { revenue: 0, bookings: 0 };
    s.revenue += x.paisa;
    s.bookings++;
    byService.set(x.service_title, s);
  }
  const services = [...byService].sort((x, y) => y[1].revenue - x[1].revenue).slice(0, 10).map(([service, s]) => ({ service, revenue: money(s.revenue), bookings: s.bookings }));
  return { range: r, months, services, status_counts: b.listCustomers({ page: 1, page_size: 1 }).status_counts, empty: all.length === 0 };
}
