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
  bookings: (BookingItem & { paisa: number })[];
  reviews: ReviewItem[];
};

const FIRST = ['Aarav', 'Sita', 'Priya', 'Rohan', 'Anjali', 'Bikash', 'Sunita', 'Kiran', 'Meera', 'Rajesh', 'Pooja', 'Nabin', 'Asha', 'Dipak', 'Laxmi', 'Suman', 'Rita', 'Hari', 'Gita', 'Anil', 'Sarah', 'James', 'Emma', 'Oliver'];
const LAST = ['Sharma', 'Shrestha', 'Thapa', 'Gurung', 'Karki', 'Adhikari', 'Rai', 'Tamang', 'Poudel', 'Joshi', 'Maharjan', 'Bhattarai', 'Patel', 'Singh', 'Smith', 'Brown'];
const DEVA: [string, string][] = [['सीता', 'शर्मा'], ['राम', 'थापा'], ['गीता', 'श्रेष्ठ'], ['हरि', 'गुरुङ'], ['लक्ष्मी', 'कार्की'], ['सुनिता', 'अधिकारी'], ['कृष्ण', 'पौडेल'], ['अनिता', 'राई']];
const CITIES = ['Kathmandu', 'Lalitpur', 'Bhaktapur', 'Pokhara', 'Biratnagar', 'Chitwan', 'Dharan', null];
export const SERVICES: [string, number][] = [['Haircut & styling', 80000], ['Hair colour (full)', 450000], ['Bridal makeup', 1500000], ['Manicure', 120000], ['Pedicure', 150000], ['Facial — hydrating', 250000], ['Beard trim', 40000], ['Keratin treatment', 800000], ['Threading', 20000], ['Head massage', 100000]];
const STATUSES = ['completed', 'completed', 'completed', 'completed', 'confirmed', 'pending', 'cancelled', 'rejected', 'payment_pending', 'service_delivered', 'disputed'];
const COMMENTS = ['Lovely as always, thank you!', 'Very professional and on time.', 'Good, but had to wait a bit.', 'उत्कृष्ट सेवा, धन्यवाद!', 'Best haircut in town.', 'Friendly staff, clean place.', '', 'Colour came out exactly as I wanted.'];
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
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const DAY = 86_400_000;
  const customers: MockCustomer[] = [];
  const activity: Activity[] = [];
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
      bookings: [], reviews: [],
    };
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
        created_at: iso(created), live: true,
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
  activity.sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.id.localeCompare(a.id));
  return { customers, activity };
}
