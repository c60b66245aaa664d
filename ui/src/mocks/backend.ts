// A small in-memory stand-in for the Rust commands so the UI runs in a plain browser.
// It mimics the contract's shapes (typed by the generated bindings) and the core's rules in
// simplified form (mocks/rules.ts); the status thresholds and sort directions are the core's
// exported defaults. The book's commands are in mocks/book.ts and mocks/merge.ts.
import type { ActivityQuery } from '../bindings';
import type { CustomerQuery } from '../bindings';
import type { CustomerRow } from '../bindings';
import type { CustomerStatus } from '../bindings';
import type { RelationEdit } from '../bindings';
import type { Stats } from '../bindings';
import type { StatusCounts } from '../bindings';
import type { SyncProgress } from '../bindings';
import type { SyncReport } from '../bindings';
import type { SyncStatus } from '../bindings';
import type { ViewQuery } from '../bindings';
import { DEFAULTS } from '../bindings';
import { generate, money, type MockBooking, type MockCustomer } from './data';
import { checkNotes, invalid, normaliseTags } from './rules';
import { cadence, inSegment } from './segments';

const DAY = 86_400_000;
const COUNTED = (s: string) => s !== 'cancelled' && s !== 'rejected';

/** Newest first by date, time, id (docs/rules.md §3, booking history). */
export const byDateDesc = (a: MockBooking, b: MockBooking) =>
  b.booking_date.localeCompare(a.booking_date) || (b.booking_time ?? '').localeCompare(a.booking_time ?? '') || b.id - a.id;

/** One card as the list shows it; `absorbed` are the cards merged into it (their bookings count here). */
export function toRow(c: MockCustomer, absorbed: MockCustomer[] = [], now = Date.now()): CustomerRow {
  const bookings = absorbed.length ? [...c.bookings, ...absorbed.flatMap((a) => a.bookings)] : c.bookings;
  const reviews = absorbed.length ? [...c.reviews, ...absorbed.flatMap((a) => a.reviews)] : c.reviews;
  const counted = bookings.filter((b) => COUNTED(b.status));
  const completed = bookings.filter((b) => b.status === 'completed');
  const spent = completed.reduce((s, b) => s + b.paisa, 0);
  const total = counted.length;
  const status: CustomerStatus = c.archived ? 'archived' : c.is_blocked ? 'blocked' : c.is_favorite ? 'favorite' : total >= DEFAULTS.thresholds.regular ? 'regular' : total >= DEFAULTS.thresholds.returning ? 'returning' : 'new';
  const ratings = reviews.map((r) => r.rating);
  const created = bookings.map((b) => b.created_at).sort();
  const today = new Date(now).toISOString().slice(0, 10);
  const next = bookings.filter((b) => ['pending', 'confirmed', 'payment_pending'].includes(b.status) && b.booking_date >= today).map((b) => b.booking_date).sort()[0] ?? null;
  const last = bookings.reduce<MockBooking | null>((l, b) => (!l || b.created_at > l.created_at ? b : l), null);
  const lastAt = created.length ? created[created.length - 1] : null;
  return {
    customer_id: c.id, source: c.id < 0 ? 'local' : 'platform', archived: c.archived,
    first_name: c.first_name, last_name: c.last_name, email: c.email, phone: c.phone, city: c.city, avatar_url: null,
    status, total_bookings: total, cancelled_bookings: bookings.length - total, total_spent: money(spent),
    average_rating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
    review_count: ratings.length, first_booking_at: created[0] ?? null, last_booking_at: lastAt,
    last_visit_on: completed.map((b) => b.booking_date).sort().pop() ?? null, next_visit_on: next,
    days_since_last_booking: lastAt ? Math.max(0, Math.floor((now - Date.parse(lastAt)) / DAY)) : null,
    is_favorite: c.is_favorite, is_blocked: c.is_blocked, blocked_reason: c.blocked_reason, notes: c.notes, tags: [...c.tags],
    last_service: last ? { title: last.service_title, date: last.booking_date, amount: last.total_amount } : null,
    ...cadence(bookings),
  };
}

const digits = (s: string) => s.replace(/[\s-]/g, '').replace(/^\+977/, '');

export class MockBackend {
  customers: MockCustomer[];
  activity;
  sync: SyncStatus;
  failEdits: boolean;
  /** The lapsed setting (docs/rules.md §10) and the saved views. */
  lapsedDays = 90;
  views: { id: number; name: string; query: ViewQuery }[] = [];
  /** Merges in order, each with the kept card's flags, notes and tags before it (for unmerge). */
  merges: { kept: number; other: number; before: Pick<MockCustomer, 'is_favorite' | 'is_blocked' | 'blocked_reason' | 'notes' | 'tags'> }[] = [];
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

  /** Every write calls this: the derived rows and the sorted views are rebuilt on the next read. */
  changed(): void {
    this.cache = null;
  }

  /** The cards merged into each card (following chains), for their bookings and reviews. */
  absorbed(): Map<number, MockCustomer[]> {
    const byId = new Map(this.customers.map((c) => [c.id, c]));
    const out = new Map<number, MockCustomer[]>();
    for (const c of this.customers) {
      if (c.merged_into === null) continue;
      let root = byId.get(c.merged_into)!;
      while (root.merged_into !== null) root = byId.get(root.merged_into)!;
      out.set(root.id, [...(out.get(root.id) ?? []), c]);
    }
    return out;
  }

  /** Derived rows of the cards in the book (merged cards left out), cached so the mock stays quick at ?count=100000. */
  rows(): CustomerRow[] {
    if (!this.cache) {
      const absorbed = this.absorbed();
      this.cache = this.customers.filter((c) => c.merged_into === null).map((c) => toRow(c, absorbed.get(c.id)));
    }
    return this.cache;
  }

  private live = () => this.rows().filter((r) => !r.archived);

  private lastList: { key: string; rows: CustomerRow[] | null; result: { filtered: CustomerRow[]; status_counts: StatusCounts } } | null = null;

  listCustomers(q: CustomerQuery) {
    // Scrolling asks for many pages of one view; sort it once, not once per page.
    const key = JSON.stringify([q.search, q.status, q.tags ?? [], q.segment, q.sort, q.descending]);
    if (this.lastList?.key !== key || this.lastList.rows !== this.cache || !this.cache) {
      this.lastList = { key, result: this.filterSort(q), rows: this.cache };
    }
    const { filtered, status_counts } = this.lastList.result;
    const size = q.page_size ?? 50, page = q.page ?? 1;
    return { count: filtered.length, page, page_size: size, total_pages: Math.ceil(filtered.length / size), status_counts, results: filtered.slice((page - 1) * size, page * size) };
  }

  private filterSort(q: CustomerQuery) {
    const words = (q.search ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
    const tags = (q.tags ?? []).map((t) => t.trim().toLowerCase());
    const all = this.rows();
    const segment = q.segment ? inSegment(this, all, q.segment) : () => true;
    const searched = all.filter((r) => {
      if (!segment(r)) return false;
      if (tags.some((t) => !r.tags.some((x) => x.toLowerCase() === t))) return false;
      // Several words match in any order, each in one field (docs/rules.md §3).
      const fields = [`${r.first_name} ${r.last_name}`.toLowerCase(), r.email.toLowerCase(), (r.city ?? '').toLowerCase()];
      return words.every((w) => fields.some((f) => f.includes(w)) || (!!r.phone && /\d/.test(w) && digits(r.phone).includes(digits(w))));
    });
    const status_counts = countStatuses(searched);
    const filtered = q.status ? searched.filter((r) => r.status === q.status) : searched.filter((r) => !r.archived);
    const sort = q.sort ?? 'last_booking';
    const desc = q.descending ?? DEFAULTS.descending[sort];
    const key = (r: CustomerRow): string | number | null =>
      sort === 'overdue' ? r.overdue_days : sort === 'name' ? `${r.first_name} ${r.last_name}`.toLowerCase() : sort === 'total_bookings' ? r.total_bookings : sort === 'total_spent' ? Number(r.total_spent) : sort === 'average_rating' ? r.average_rating : r.last_booking_at;
    filtered.sort((a, b) => {
      const ka = key(a), kb = key(b);
      if (ka === null || kb === null) return ka === kb ? a.customer_id - b.customer_id : ka === null ? 1 : -1;
      // Overdue ties break by id ascending either way (the core's ORDER BY due, id ASC).
      if (ka === kb && sort === 'overdue') return a.customer_id - b.customer_id;
      const c = ka < kb ? -1 : ka > kb ? 1 : a.customer_id - b.customer_id;
      return desc ? -c : c;
    });
    return { filtered, status_counts };
  }

  stats(): Stats {
    const rows = this.live();
    const month = new Date().toISOString().slice(0, 7);
    const ratings = this.customers.filter((c) => !c.archived).flatMap((c) => c.reviews.map((r) => r.rating));
    const booked = rows.filter((r) => r.last_booking_at !== null);
    return {
      total_customers: rows.length, regular_customers: rows.filter((r) => r.total_bookings >= DEFAULTS.thresholds.regular).length,
      new_customers_this_month: rows.filter((r) => r.first_booking_at?.startsWith(month)).length,
      active_customers: rows.filter((r) => r.last_booking_at && Date.parse(r.last_booking_at) >= Date.now() - 30 * DAY).length,
      favorite_customers: rows.filter((r) => r.is_favorite).length, blocked_customers: rows.filter((r) => r.is_blocked).length,
      average_rating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
      retention_rate: booked.length ? Math.round((booked.filter((r) => r.total_bookings >= 2).length / booked.length) * 1000) / 10 : 0,
    };
  }

  listActivity(q: ActivityQuery) {
    const all = this.activity.filter((a) => !q.kind || a.type === q.kind);
    const start = q.before ? all.findIndex((a) => String(a.id) === q.before) + 1 : 0;
    const limit = q.limit ?? 10;
    const page = all.slice(start, start + limit);
    return { activities: page, next_cursor: start + limit < all.length ? String(page[page.length - 1].id) : null };
  }

  getCustomer(id: number, page: number, pageSize: number) {
    const c = this.card(id);
    const absorbed = this.absorbed().get(id) ?? [];
    const bookings = [...c.bookings, ...absorbed.flatMap((a) => a.bookings)].sort(byDateDesc);
    const reviews = [...c.reviews, ...absorbed.flatMap((a) => a.reviews)].sort((a, b) => b.created_at.localeCompare(a.created_at));
    return {
      customer: toRow(c, absorbed), date_joined: c.date_joined, bookings: bookings.slice((page - 1) * pageSize, page * pageSize).map(({ paisa, ...b }) => (void paisa, b)),
      bookings_total: bookings.length, bookings_page: page, bookings_page_size: pageSize, reviews,
    };
  }

  edit(id: number, edit: RelationEdit): CustomerRow {
    if (this.failEdits) throw { code: 'storage', message: 'The database is locked by another process. Try again in a moment.' };
    const c = this.card(id);
    if (edit.field === 'notes') checkNotes(edit.value);
    if (edit.field === 'favorite') c.is_favorite = edit.value;
    if (edit.field === 'blocked') [c.is_blocked, c.blocked_reason] = [edit.value, edit.value ? edit.reason : null];
    if (edit.field === 'notes') c.notes = edit.value;
    if (edit.field === 'tags') c.tags = normaliseTags(edit.value);
    const what = edit.field === 'favorite' ? (edit.value ? 'Marked favourite' : 'Unmarked favourite') : edit.field === 'blocked' ? (edit.value ? 'Blocked' : 'Unblocked') : edit.field === 'tags' ? 'Tags edited' : 'Notes edited';
    this.log(c, what);
    if (this.sync.signed_in && edit.field !== 'tags') this.sync.pending_pushes++;
    return this.row(id);
  }

  /** The provider's edit in the timeline; every write goes through here, so it also drops the caches. */
  log(c: MockCustomer, title: string, description = 'Your edit'): void {
    this.changed();
    this.activity.unshift({ id: `edit_${++this.edits}`, type: 'edit', customer_id: c.id, customer_name: `${c.first_name} ${c.last_name}`.trim(), title, description, timestamp: new Date().toISOString(), status: null, amount: null, rating: null });
  }

  /** The card as the list shows it now (with what was merged into it). */
  row(id: number): CustomerRow {
    return toRow(this.find(id), this.absorbed().get(id));
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

  find(id: number): MockCustomer {
    const c = this.customers.find((x) => x.id === id);
    if (!c) throw { code: 'not_found', message: `no customer with id ${id}` };
    return c;
  }

  /** Like the core's `require_card`: a merged card is refused, naming the card it is in now. */
  card(id: number): MockCustomer {
    const c = this.find(id);
    if (c.merged_into !== null) throw invalid(`customer ${id} was merged into customer ${c.merged_into}; use ${c.merged_into}, or unmerge it first`);
    return c;
  }
}

function countStatuses(rows: CustomerRow[]): StatusCounts {
  const counts: StatusCounts = { all: 0, new: 0, returning: 0, regular: 0, favorite: 0, blocked: 0, archived: 0 };
  rows.forEach((r) => {
    counts[r.status]++;
    if (!r.archived) counts.all++;
  });
  return counts;
}
