// A small in-memory stand-in for the Rust commands so the UI runs in a plain browser.
// It mimics the contract's shapes (typed by the generated bindings), not the core's exact
// rules; the status thresholds and sort directions are the core's exported defaults.
import type { ActivityQuery } from '../bindings';
import type { Charts } from '../bindings';
import type { CustomerQuery } from '../bindings';
import type { CustomerRow } from '../bindings';
import type { CustomerStatus } from '../bindings';
import type { RelationEdit } from '../bindings';
import type { Stats } from '../bindings';
import type { StatusCounts } from '../bindings';
import type { SyncProgress } from '../bindings';
import type { SyncReport } from '../bindings';
import type { SyncStatus } from '../bindings';
import { DEFAULTS, LIMITS } from '../bindings';
import { generate, money, type MockCustomer } from './data';

const DAY = 86_400_000;
const COUNTED = (s: string) => s !== 'cancelled' && s !== 'rejected';

export function toRow(c: MockCustomer, now = Date.now()): CustomerRow {
  const counted = c.bookings.filter((b) => COUNTED(b.status));
  const completed = c.bookings.filter((b) => b.status === 'completed');
  const spent = completed.reduce((s, b) => s + b.paisa, 0);
  const total = counted.length;
  const status: CustomerStatus = c.is_blocked ? 'blocked' : c.is_favorite ? 'favorite' : total >= DEFAULTS.thresholds.regular ? 'regular' : total >= DEFAULTS.thresholds.returning ? 'returning' : 'new';
  const ratings = c.reviews.map((r) => r.rating);
  const created = c.bookings.map((b) => b.created_at).sort();
  const today = new Date(now).toISOString().slice(0, 10);
  const next = c.bookings.filter((b) => ['pending', 'confirmed', 'payment_pending'].includes(b.status) && b.booking_date >= today).map((b) => b.booking_date).sort()[0] ?? null;
  const last = c.bookings[0];
  return {
    customer_id: c.id, first_name: c.first_name, last_name: c.last_name, email: c.email, phone: c.phone, city: c.city, avatar_url: null,
    status, total_bookings: total, cancelled_bookings: c.bookings.length - total, total_spent: money(spent),
    average_rating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
    review_count: ratings.length, first_booking_at: created[0], last_booking_at: created[created.length - 1],
    last_visit_on: completed.map((b) => b.booking_date).sort().pop() ?? null, next_visit_on: next,
    days_since_last_booking: Math.max(0, Math.floor((now - Date.parse(created[created.length - 1])) / DAY)),
    is_favorite: c.is_favorite, is_blocked: c.is_blocked, blocked_reason: c.blocked_reason, notes: c.notes, tags: [],
    last_service: { title: last.service_title, date: last.booking_date, amount: last.total_amount },
  };
}

const digits = (s: string) => s.replace(/[\s-]/g, '').replace(/^\+977/, '');

export class MockBackend {
  customers: MockCustomer[];
  activity;
  sync: SyncStatus;
  failEdits: boolean;
  private cancelled = false;
  private edits = 0;

  constructor(opts: { count: number; signedIn: boolean; failEdits: boolean }) {
    const { customers, activity } = generate(opts.count);
    this.customers = customers;
    this.activity = activity;
    this.failEdits = opts.failEdits;
    this.sync = {
      signed_in: opts.signedIn, base_url: opts.signedIn ? 'https://api.marketplace.example' : null, email: opts.signedIn ? 'studio@example.com' : null,
      last_synced_at: opts.signedIn ? new Date(Date.now() - 7 * 60_000).toISOString() : null, last_light_sync_at: null, last_full_sync_at: null,
      last_change_at: null, last_change: null, rate_limited_until: null, pending_pushes: opts.signedIn ? 2 : 0, last_error: null,
    };
  }

  private cache: CustomerRow[] | null = null;

  /** Derived rows, cached so the mock stays quick at ?count=100000; edits drop the cache. */
  rows(): CustomerRow[] {
    return (this.cache ??= this.customers.map((c) => toRow(c)));
  }

  private lastList: { key: string; result: { filtered: CustomerRow[]; status_counts: StatusCounts } } | null = null;

  listCustomers(q: CustomerQuery) {
    // Scrolling asks for many pages of one view; sort it once, not once per page.
    const key = JSON.stringify([q.search, q.status, q.sort, q.descending]);
    if (this.lastList?.key !== key || !this.cache) this.lastList = { key, result: this.filterSort(q) };
    const { filtered, status_counts } = this.lastList.result;
    const size = q.page_size ?? 50, page = q.page ?? 1;
    return { count: filtered.length, page, page_size: size, total_pages: Math.ceil(filtered.length / size), status_counts, results: filtered.slice((page - 1) * size, page * size) };
  }

  private filterSort(q: CustomerQuery) {
    const needle = (q.search ?? '').trim().toLowerCase();
    const searched = [...this.rows()].filter((r) => {
      if (!needle) return true;
      const full = `${r.first_name} ${r.last_name}`.toLowerCase();
      return full.includes(needle) || r.email.toLowerCase().includes(needle) || (!!r.phone && /\d/.test(needle) && digits(r.phone).includes(digits(needle)));
    });
    const status_counts = countStatuses(searched);
    const filtered = q.status ? searched.filter((r) => r.status === q.status) : searched;
    const sort = q.sort ?? 'last_booking';
    const desc = q.descending ?? DEFAULTS.descending[sort];
    const key = (r: CustomerRow): string | number | null =>
      sort === 'name' ? `${r.first_name} ${r.last_name}`.toLowerCase() : sort === 'total_bookings' ? r.total_bookings : sort === 'total_spent' ? Number(r.total_spent) : sort === 'average_rating' ? r.average_rating : r.last_booking_at;
    filtered.sort((a, b) => {
      const ka = key(a), kb = key(b);
      if (ka === null || kb === null) return ka === kb ? a.customer_id - b.customer_id : ka === null ? 1 : -1;
      const c = ka < kb ? -1 : ka > kb ? 1 : a.customer_id - b.customer_id;
      return desc ? -c : c;
    });
    return { filtered, status_counts };
  }

  stats(): Stats {
    const rows = this.rows();
    const month = new Date().toISOString().slice(0, 7);
    const ratings = this.customers.flatMap((c) => c.reviews.map((r) => r.rating));
    return {
      total_customers: rows.length, regular_customers: rows.filter((r) => r.total_bookings >= DEFAULTS.thresholds.regular).length,
      new_customers_this_month: rows.filter((r) => r.first_booking_at.startsWith(month)).length,
      active_customers: rows.filter((r) => Date.parse(r.last_booking_at) >= Date.now() - 30 * DAY).length,
      favorite_customers: rows.filter((r) => r.is_favorite).length, blocked_customers: rows.filter((r) => r.is_blocked).length,
      average_rating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
      retention_rate: rows.length ? Math.round((rows.filter((r) => r.total_bookings >= DEFAULTS.thresholds.returning).length / rows.length) * 1000) / 10 : 0,
    };
  }

  charts(): Charts {
    const rows = this.rows();
    const now = new Date();
    const months = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(now.getFullYear(), now.getMonth() - 11 + i, 1);
      const m = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
      const paisa = this.customers.flatMap((c) => c.bookings).filter((b) => b.status === 'completed' && b.booking_date.startsWith(m)).reduce((s, b) => s + b.paisa, 0);
      return { month: m, new_customers: rows.filter((r) => r.first_booking_at.startsWith(m)).length, revenue: money(paisa) };
    });
    return { months, status_counts: countStatuses(rows) };
  }

  listActivity(q: ActivityQuery) {
    const all = this.activity.filter((a) => !q.kind || a.type === q.kind);
    const start = q.before ? all.findIndex((a) => String(a.id) === q.before) + 1 : 0;
    const limit = q.limit ?? 10;
    const page = all.slice(start, start + limit);
    return { activities: page, next_cursor: start + limit < all.length ? String(page[page.length - 1].id) : null };
  }

  getCustomer(id: number, page: number, pageSize: number) {
    const c = this.find(id);
    return {
      customer: toRow(c), date_joined: c.date_joined, bookings: c.bookings.slice((page - 1) * pageSize, page * pageSize).map(({ paisa, ...b }) => (void paisa, b)),
      bookings_total: c.bookings.length, bookings_page: page, bookings_page_size: pageSize, reviews: [...c.reviews].reverse(),
    };
  }

  edit(id: number, edit: RelationEdit): CustomerRow {
    if (this.failEdits) throw { code: 'storage', message: 'The database is locked by another process. Try again in a moment.' };
    const c = this.find(id);
    if (edit.field === 'notes' && Array.from(edit.value).length > LIMITS.notes_chars) throw { code: 'invalid_input', message: `Notes can be at most ${LIMITS.notes_chars} characters.` };
    if (edit.field === 'favorite') c.is_favorite = edit.value;
    if (edit.field === 'blocked') [c.is_blocked, c.blocked_reason] = [edit.value, edit.value ? edit.reason : null];
    if (edit.field === 'notes') c.notes = edit.value;
    this.cache = null;
    const what = edit.field === 'favorite' ? (edit.value ? 'Marked favourite' : 'Unmarked favourite') : edit.field === 'blocked' ? (edit.value ? 'Blocked' : 'Unblocked') : 'Notes edited';
    this.activity.unshift({ id: `edit_${++this.edits}`, type: 'edit', customer_id: id, customer_name: `${c.first_name} ${c.last_name}`, title: what, description: 'Your edit', timestamp: new Date().toISOString(), status: null, amount: null, rating: null });
    if (this.sync.signed_in) this.sync.pending_pushes++;
    return toRow(c);
  }

  async runSync(progress: (p: SyncProgress) => void): Promise<SyncReport> {
    this.cancelled = false;
    for (const phase of ['bookings', 'reviews', 'relations', 'push'] as const) {
      for (let page = 1; page <= 4; page++) {
        if (this.cancelled) throw { code: 'cancelled', message: 'The sync was cancelled.' };
        progress({ phase, pages: page, items: page * 50, requests: page, total_pages: 4 });
        await new Promise((res) => setTimeout(res, 250));
      }
    }
    progress({ phase: 'done', pages: 0, items: 0, requests: 0, total_pages: null });
    this.sync = { ...this.sync, last_synced_at: new Date().toISOString(), pending_pushes: 0 };
    return { full: false, light: false, requests: 16, bytes: 123456, bookings_new: 3, bookings_updated: 5, reviews_new: 1, reviews_updated: 0, removed: 0, relations_updated: 0, pushed: 2, duration_ms: 4000 };
  }

  cancel() {
    this.cancelled = true;
  }

  private find(id: number): MockCustomer {
    const c = this.customers.find((x) => x.id === id);
    if (!c) throw { code: 'not_found', message: `No customer ${id}.` };
    return c;
  }
}

function countStatuses(rows: CustomerRow[]): StatusCounts {
  const counts: StatusCounts = { all: rows.length, new: 0, returning: 0, regular: 0, favorite: 0, blocked: 0 };
  rows.forEach((r) => counts[r.status]++);
  return counts;
}
