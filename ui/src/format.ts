// Display-only formatting. Money arrives as a decimal string and is never used for arithmetic.
// date-fns rather than dayjs: dayjs assigns Dayjs.prototype.valueOf, which throws when the
// Tauri shell freezes Object.prototype (freezePrototype: true).
import { differenceInCalendarDays, format, formatDistanceStrict, isValid, parseISO } from 'date-fns';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-IN', {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      });
    } catch {
      // An unknown currency code must not blank the page; show plain digits instead.
      f = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 });
    }
    moneyFormats.set(key, f);
  }
  return f;
}

/** "29810.00" → "NPR 29,810.00". Strings are passed to Intl as-is to keep every digit. */
export function formatMoney(amount: string, currency: string, compact = false): string {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return amount;
  return moneyFormat(currency, compact).format(amount as unknown as number);
}

export function formatRating(rating: number | null): string {
  return rating === null ? '—' : rating.toFixed(2);
}

// Created once: building an Intl.NumberFormat costs far more than formatting with it, and the
// list formats several numbers per visible row on every search.
const countFormat = new Intl.NumberFormat('en-IN');

export function formatCount(n: number): string {
  return countFormat.format(n);
}

type When = Date | string | number;
const toDate = (w: When) => (typeof w === 'string' ? parseISO(w) : new Date(w));

// Short units so the "Last booked" column fits at 1280 px: "3 min ago", "4 hr ago".
const SHORT_UNITS: Array<[RegExp, string]> = [
  [/ minutes?\b/, ' min'],
  [/ hours?\b/, ' hr'],
  [/ months?\b/, ' mo'],
  [/ years?\b/, ' yr'],
];

/** "3 days ago", "3 min ago" for an instant; "just now" under a minute (either way, for clock skew). */
export function formatRelative(iso: string, now: When = Date.now()): string {
  const d = parseISO(iso);
  if (!isValid(d)) return '—';
  if (Math.abs(toDate(now).getTime() - d.getTime()) < 60_000) return 'just now';
  // Strict: "4 hr ago", not "about 4 hours ago" — shorter in a table column.
  let s = formatDistanceStrict(d, toDate(now), { addSuffix: true, roundingMethod: 'floor' });
  for (const [re, short] of SHORT_UNITS) s = s.replace(re, short);
  return s;
}

/** Exact timestamp for a title/tooltip. */
export function formatDateTime(iso: string): string {
  const d = parseISO(iso);
  return isValid(d) ? format(d, 'd MMM yyyy, HH:mm') : iso;
}

/** A calendar date ("2026-03-10", local) as "10 Mar 2026". */
export function formatDate(isoDate: string): string {
  const d = parseISO(isoDate);
  return isValid(d) ? format(d, 'd MMM yyyy') : isoDate;
}

/** "2026-03" → "Mar 26" for chart axes. */
export function formatMonth(yearMonth: string): string {
  const d = parseISO(`${yearMonth}-01`);
  return isValid(d) ? format(d, 'MMM yy') : yearMonth;
}

/** A calendar date relative to today: "Today", "Tomorrow", "in 5 days", "2 days ago". */
export function formatDayRelative(isoDate: string, today: When = Date.now()): string {
  const d = parseISO(isoDate);
  if (!isValid(d)) return isoDate;
  const days = differenceInCalendarDays(d, toDate(today));
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  if (days > 1 && days < 14) return `in ${days} days`;
  if (days < -1 && days > -14) return `${-days} days ago`;
  return format(d, 'd MMM yyyy');
}

/** Initials from the first letters; works for Devanagari too (first code point of each). */
export function initials(first: string, last: string): string {
  const a = Array.from(first.trim())[0] ?? '';
  const b = Array.from(last.trim())[0] ?? '';
  return (a + b).toUpperCase() || '?';
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** "payment_pending" → "Payment pending"; unknown statuses are shown as they come. */
export function humanize(s: string): string {
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
