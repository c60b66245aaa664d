// Deterministic sample data of the generated types, for dev and screenshots only.
import type { Activity } from '../bindings';
import type { BookingItem } from '../bindings';
import type { ReviewItem } from '../bindings';

export type MockCustomer = {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  city: string | null;
  date_joined: string;
  is_favorite: boolean;
  is_blocked: boolean;
  blocked_reason: string | null;
  notes: string;
  /** Own customers (negative ids) and platform ones share the shape; `source` is the id's sign. */
  archived: boolean;
  tags: string[];
  /** The card this one was merged into (docs/rules.md §9), or null. */
  merged_into: number | null;
  bookings: MockBooking[];
  reviews: ReviewItem[];
};

export type MockBooking = BookingItem & { paisa: number };

const FIRST = ['Aarav', 'Sita', 'Priya', 'Rohan', 'Anjali', 'Bikash', 'Sunita', 'Kiran', 'Meera', 'Rajesh', 'Pooja', 'Nabin', 'Asha', 'Dipak', 'Laxmi', 'Suman', 'Rita', 'Hari', 'Gita', 'Anil', 'Sarah', 'James', 'Emma', 'Oliver'];
const LAST = ['Sharma', 'Shrestha', 'Thapa', 'Gurung', 'Karki', 'Adhikari', 'Rai', 'Tamang', 'Poudel', 'Joshi', 'Maharjan', 'Bhattarai', 'Patel', 'Singh', 'Smith', 'Brown'];
const DEVA: [string, string][] = [['सीता', 'शर्मा'], ['राम', 'थापा'], ['गीता', 'श्रेष्ठ'], ['हरि', 'गुरुङ'], ['लक्ष्मी', 'कार्की'], ['सुनिता', 'अधिकारी'], ['कृष्ण', 'पौडेल'], ['अनिता', 'राई']];
const CITIES = ['Kathmandu', 'Lalitpur', 'Bhaktapur', 'Pokhara', 'Biratnagar', 'Chitwan', 'Dharan', null];
export const SERVICES: [string, number][] = [['Haircut & styling', 80000], ['Hair colour (full)', 450000], ['Bridal makeup', 1500000], ['Manicure', 120000], ['Pedicure', 150000], ['Facial — hydrating', 250000], ['Beard trim', 40000], ['Keratin treatment', 800000], ['Threading', 20000], ['Head massage', 100000]];
const STATUSES = ['completed', 'completed', 'completed', 'completed', 'confirmed', 'pending', 'cancelled', 'rejected', 'payment_pending', 'service_delivered', 'disputed'];
const COMMENTS = ['Lovely as always, thank you!', 'Very professional and on time.', 'Good, but had to wait a bit.', 'उत्कृष्ट सेवा, धन्यवाद!', 'Best haircut in town.', 'Friendly staff, clean place.', '', 'Colour came out exactly as I wanted.'];
const TAGS = ['VIP', 'Bridal', 'Walk-in', 'Kids', 'Mornings only', 'Colour client', 'Referral', 'Corporate'];
const NOTES = ['', '', '', 'Prefers appointments after 5 pm. Allergic to ammonia-based dyes.', 'Gate code 4411. Likes strong coffee.', 'Always brings her daughter; book a double slot.', 'कृपया बिहान मात्र फोन गर्नुहोस्।'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const day = (ms: number) => iso(ms).slice(0, 10);
export const money = (paisa: number) => `${Math.floor(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;

export function generate(count: number, now = Date.now()): { customers: MockCustomer[]; activity: Activity[] } {
  const r = rng(42);
  // A second stream for the book's fields, so the original sample data stays as it was.
  const r2 = rng(7);
  const tagsFor = () => (r2() < 0.35 ? [...new Set(Array.from({ length: 1 + Math.floor(r2() * 3) }, () => TAGS[Math.floor(r2() * TAGS.length)]))] : []);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const DAY = 86_400_000;
  const customers: MockCustomer[] = [];
  const activity: Activity[] = [];
  const seen = new Set<string>();
  let bookingId = 1000;
  let reviewId = 5000;
  for (let i = 0; i < count; i++) {
    const [first, last] = i % 9 === 3 ? pick(DEVA) : [pick(FIRST), pick(LAST)];
    const id = 101 + i;
    const ascii = /^[A-Za-z]+$/.test(first) ? `${first}.${last}`.toLowerCase() : `customer${id}`;
    const c: MockCustomer = {
      id, first_name: first, last_name: last, email: `${ascii}${i}@example.com`,
      phone: r() < 0.85 ? `+977 98${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : null,
      city: pick(CITIES), date_joined: iso(now - (60 + r() * 700) * DAY),
      is_favorite: r() < 0.08, is_blocked: r() < 0.03, blocked_reason: null, notes: pick(NOTES),
      archived: false, tags: tagsFor(), merged_into: null, bookings: [], reviews: [],
    };
    // Two platform accounts with the same name and city are a "likely duplicate" (§9); keep the
    // sample book to the few planted in ownCustomers by moving chance collisions elsewhere.
    const nameCity = () => `${first} ${last}|${c.city}`;
    for (let k = 0; k < 3 && c.city !== null && seen.has(nameCity()); k++) c.city = CITIES[Math.floor(r2() * CITIES.length)];
    if (c.city !== null) seen.add(nameCity());
    if (c.is_blocked) c.blocked_reason = r() < 0.5 ? 'Repeated no-shows' : null;
    const n = 1 + Math.floor(r() ** 2 * 14);
    for (let b = 0; b < n; b++) {
      const [title, price] = pick(SERVICES);
      const created = now - Math.floor(r() ** 1.6 * 420 * DAY) - Math.floor(r() * DAY);
      const future = r() < 0.12;
      const bookingDate = created + (future ? 3 + r() * 30 : r() * 10) * DAY;
      const status = bookingDate > now ? pick(['confirmed', 'pending', 'payment_pending']) : pick(STATUSES);
      const item = {
        id: bookingId++, service_title: title, booking_date: day(bookingDate),
        booking_time: `${String(9 + Math.floor(r() * 9)).padStart(2, '0')}:${r() < 0.5 ? '00' : '30'}:00`,
        status, total_amount: money(price), paisa: price, payment_status: status === 'completed' ? 'paid' : status === 'cancelled' ? 'refunded' : 'unpaid',
        created_at: iso(created), live: true, source: 'platform' as const,
      };
      c.bookings.push(item);
      const name = `${first} ${last}`;
      activity.push({ id: `booking_${item.id}`, type: 'booking', customer_id: id, customer_name: name, title: 'New booking', description: `${title} on ${item.booking_date}`, timestamp: item.created_at, status: 'pending', amount: item.total_amount, rating: null });
      if (status !== 'pending' && bookingDate + DAY / 3 < now) {
        activity.push({ id: `status_${item.id}`, type: 'status', customer_id: id, customer_name: name, title: `Booking ${status.replace('_', ' ')}`, description: title, timestamp: iso(bookingDate + DAY / 3), status, amount: null, rating: null });
      }
      if (status === 'completed' && bookingDate + DAY < now && r() < 0.45) {
        const rating = Math.max(1, Math.min(5, Math.round(3.6 + r() * 2 - (r() < 0.1 ? 2 : 0))));
        const rv: ReviewItem = { id: reviewId++, booking_id: item.id, rating, comment: pick(COMMENTS), service_title: title, created_at: iso(bookingDate + DAY) };
        c.reviews.push(rv);
        activity.push({ id: `review_${rv.id}`, type: 'review', customer_id: id, customer_name: name, title: 'New review', description: `Left a ${rating}-star review`, timestamp: rv.created_at, status: null, amount: null, rating });
      }
    }
    c.bookings.sort((a, b) => b.created_at.localeCompare(a.created_at));
    customers.push(c);
  }
  customers.push(...ownCustomers(customers, count, r2, now));
  activity.sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.id.localeCompare(a.id));
  return { customers, activity };
}

/**
 * Customers the provider added by hand (negative ids): some without a visit yet, one with a
 * recorded visit, one archived, and three that look like platform customers (same phone, same
 * email, same name and city) so the duplicates view has groups.
 */
function ownCustomers(platform: MockCustomer[], count: number, r: () => number, now: number): MockCustomer[] {
  if (count < 30) return [];
  const DAY = 86_400_000;
  const own = (i: number, first: string, last: string, extra: Partial<MockCustomer> = {}): MockCustomer => ({
    id: -1 - i, first_name: first, last_name: last, email: '', phone: null, city: null, date_joined: iso(now - (5 + i) * DAY),
    is_favorite: false, is_blocked: false, blocked_reason: null, notes: '', archived: false, tags: [], merged_into: null,
    bookings: [], reviews: [], ...extra,
  });
  const [a, b, c] = [platform[5], platform[12], platform[20]];
  const out = [
    own(0, 'Maya', 'Lama', { phone: '+977 9841-220033', city: 'Kathmandu', tags: ['Walk-in', 'VIP'], notes: 'Came in off the street; loved the head massage.' }),
    own(1, 'Bishnu', 'K.C.', { email: 'bishnu.kc@example.com', city: 'Lalitpur', tags: ['Referral'] }),
    own(2, a.first_name, a.last_name.toUpperCase(), { phone: a.phone ?? '9800000005', tags: ['Walk-in'] }),
    own(3, b.first_name, b.last_name, { email: b.email.toUpperCase(), city: b.city, notes: 'Phone booking.' }),
    own(4, c.first_name, c.last_name, { city: c.city ?? 'Pokhara', phone: '01-4411223' }),
    own(5, 'Old', 'Regular', { archived: true, city: 'Dharan', notes: 'Moved abroad.' }),
  ];
  if (c.city === null) c.city = out[4].city;
  const [title, price] = SERVICES[0];
  out[0].bookings.push({
    id: -1, service_title: title, booking_date: day(now - 3 * DAY), booking_time: '11:00:00', status: 'completed', total_amount: money(price),
    paisa: price, payment_status: 'paid', created_at: iso(now - 3 * DAY), live: true, source: 'local',
  });
  // Walk-ins without a city or contact, so they add no duplicates of their own.
  for (let i = 6; i < Math.min(200, Math.floor(count * 0.03)); i++) {
    out.push(own(i, FIRST[Math.floor(r() * FIRST.length)], LAST[Math.floor(r() * LAST.length)], { tags: r() < 0.5 ? ['Walk-in'] : [] }));
  }
  return out;
}
