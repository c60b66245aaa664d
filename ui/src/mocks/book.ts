// The provider's own book in the mock (docs/rules.md §7, §9): own customers, profiles,
// archive, tags, own visits. Simplified: one array, no transactions.
import type { CustomerRow, NewCustomer, ProfileEdit, TagCount, Visit, VisitEdit, VisitInput } from '../bindings';
import type { MockBackend } from './backend';
import { money, type MockBooking, type MockCustomer } from './data';
import { checkNotes, checkProfile, checkVisit, invalid, normaliseTags, profileOf, type CheckedVisit } from './rules';

/** The next own id: below every id in use (a loop: spreading 100k ids into Math.min overflows the stack). */
const below = (ids: number[]) => ids.reduce((m, x) => Math.min(m, x), 0) - 1;

const pad = (n: number) => String(n).padStart(2, '0');
const localNow = () => {
  const d = new Date();
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
};

export function addCustomer(b: MockBackend, nc: NewCustomer): CustomerRow {
  const p = profileOf(nc);
  checkProfile(p);
  checkNotes(nc.notes ?? '');
  const tags = normaliseTags(nc.tags ?? []);
  // Below every id in use, so it can never be a platform id.
  const id = below(b.customers.map((c) => c.id));
  const c: MockCustomer = {
    id, ...p, date_joined: new Date().toISOString(), is_favorite: false, is_blocked: false, blocked_reason: null,
    notes: (nc.notes ?? '').trim(), archived: false, tags, merged_into: null, bookings: [], reviews: [],
  };
  b.customers.push(c);
  b.log(c, 'Customer added');
  return b.row(id);
}

export function editCustomer(b: MockBackend, id: number, edit: ProfileEdit): CustomerRow {
  const c = b.card(id);
  if (id > 0) throw invalid(`customer ${id} comes from the marketplace: its profile is read-only (notes, tags and flags are yours)`);
  const p = profileOf({
    first_name: edit.first_name ?? c.first_name, last_name: edit.last_name ?? c.last_name, email: edit.email ?? c.email,
    phone: edit.phone === undefined || edit.phone === null ? c.phone : edit.phone, city: edit.city === undefined || edit.city === null ? c.city : edit.city,
  });
  checkProfile(p);
  Object.assign(c, p);
  b.log(c, 'Profile edited');
  return b.row(id);
}

export function setArchived(b: MockBackend, id: number, archived: boolean): CustomerRow {
  const c = b.card(id);
  if (c.archived !== archived) {
    c.archived = archived;
    b.log(c, archived ? 'Archived' : 'Restored');
  }
  return b.row(id);
}

/** Each tag on a card in the book (not archived, not merged) with its count, most used first. */
export function listTags(b: MockBackend): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const c of b.customers) {
    if (c.archived || c.merged_into !== null) continue;
    for (const t of c.tags) {
      const k = t.toLowerCase();
      const e = counts.get(k) ?? { tag: t, count: 0 };
      e.count++;
      counts.set(k, e);
    }
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || x.tag.localeCompare(y.tag));
}

function toVisit(customerId: number, v: MockBooking): Visit {
  return {
    booking_id: v.id, customer_id: customerId, service: v.service_title, date: v.booking_date, time: v.booking_time,
    amount: v.total_amount, status: v.status, payment_status: v.payment_status, created_at: v.created_at,
  };
}

/** `created_at`: the visit's own date and time (12:00 without a time) when in the past, else now. */
function createdAt(v: CheckedVisit): string {
  const now = localNow();
  const when = `${v.date}T${v.time ?? '12:00:00'}`;
  return when < `${now.date}T${now.time}` ? new Date(when).toISOString() : new Date().toISOString();
}

function apply(target: MockBooking, v: CheckedVisit) {
  Object.assign(target, {
    service_title: v.service, booking_date: v.date, booking_time: v.time, status: v.status, payment_status: v.payment_status,
    total_amount: money(v.paisa), paisa: v.paisa, created_at: createdAt(v),
  });
}

export function addVisit(b: MockBackend, customerId: number, input: VisitInput): Visit {
  const c = b.card(customerId);
  const v = checkVisit(input);
  const id = below(b.customers.flatMap((x) => x.bookings.map((k) => k.id)));
  const booking = { id, source: 'local', live: true } as MockBooking;
  apply(booking, v);
  c.bookings.push(booking);
  b.log(c, 'Visit recorded', v.service);
  return toVisit(c.id, booking);
}

function ownVisit(b: MockBackend, bookingId: number): { owner: MockCustomer; visit: MockBooking } {
  if (bookingId > 0) throw invalid(`booking ${bookingId} comes from the marketplace: only visits you recorded can be edited or deleted`);
  for (const owner of b.customers) {
    const visit = owner.bookings.find((k) => k.id === bookingId);
    if (visit) return { owner, visit };
  }
  throw { code: 'not_found', message: `no visit with id ${bookingId}` };
}

export function editVisit(b: MockBackend, bookingId: number, edit: VisitEdit): Visit {
  const { owner, visit } = ownVisit(b, bookingId);
  const v = checkVisit({
    service: edit.service ?? visit.service_title, date: edit.date ?? visit.booking_date,
    time: edit.time ?? visit.booking_time, amount: edit.amount ?? visit.total_amount,
    status: edit.status ?? visit.status, payment_status: edit.payment_status ?? visit.payment_status,
  });
  apply(visit, v);
  b.log(owner, 'Visit edited', v.service);
  return toVisit(owner.id, visit);
}

export function deleteVisit(b: MockBackend, bookingId: number): Visit {
  const { owner, visit } = ownVisit(b, bookingId);
  owner.bookings = owner.bookings.filter((k) => k !== visit);
  b.log(owner, 'Visit deleted', visit.service_title);
  return toVisit(owner.id, visit);
}
