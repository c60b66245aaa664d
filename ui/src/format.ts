// Display-only formatting. Money arrives as a decimal string and is never used for arithmetic.
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

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

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-IN').format(n);
}

/** "3 days ago" for an instant. */
export function formatRelative(iso: string, now: dayjs.ConfigType = undefined): string {
  const d = dayjs(iso);
  if (!d.isValid()) return '—';
  return now === undefined ? d.fromNow() : d.from(now);
}

/** Exact timestamp for a title/tooltip. */
export function formatDateTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('D MMM YYYY, HH:mm') : iso;
}

export function formatDate(isoDate: string): string {
  const d = dayjs(isoDate);
  return d.isValid() ? d.format('D MMM YYYY') : isoDate;
}

/** A calendar date relative to today: "Today", "Tomorrow", "in 5 days", "2 days ago". */
export function formatDayRelative(isoDate: string, today: dayjs.ConfigType = undefined): string {
  const d = dayjs(isoDate);
  if (!d.isValid()) return isoDate;
  const days = d.startOf('day').diff(dayjs(today).startOf('day'), 'day');
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  if (days > 1 && days < 14) return `in ${days} days`;
  if (days < -1 && days > -14) return `${-days} days ago`;
  return d.format('D MMM YYYY');
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
