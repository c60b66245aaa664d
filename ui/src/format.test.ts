import { describe, expect, it } from 'vitest';
import { fileName, formatDayRelative, formatMonth, formatMoney, formatRating, formatRelative, humanize, initials } from './format';

// Intl puts a no-break space between code and digits; compare with plain spaces.
const money = (a: string, c: string) => formatMoney(a, c).replace(/\s/g, ' ');

describe('formatMoney', () => {
  it('formats the decimal string in the provider currency with Indian grouping', () => {
    expect(money('29810.00', 'NPR')).toBe('NPR 29,810.00');
    expect(money('1234567.50', 'INR')).toBe('₹12,34,567.50');
  });

  it('keeps every digit of amounts beyond float precision', () => {
    expect(money('90071992547409.93', 'NPR')).toBe('NPR 9,00,71,99,25,47,409.93');
  });

  it('shows unexpected input as it came instead of NaN', () => {
    expect(formatMoney('n/a', 'NPR')).toBe('n/a');
  });

  it('falls back to plain digits for an unknown currency code', () => {
    expect(formatMoney('10.00', 'not-a-code')).toBe('10.00');
  });
});

describe('dates', () => {
  const now = '2026-03-10T12:00:00Z';
  it('is relative for instants', () => {
    expect(formatRelative('2026-03-07T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelative('2026-03-10T11:57:00Z', now)).toBe('3 min ago');
    expect(formatRelative('2026-03-10T07:30:00Z', now)).toBe('4 hr ago');
    expect(formatRelative('2025-12-01T12:00:00Z', now)).toBe('3 mo ago');
    expect(formatRelative('garbage', now)).toBe('—');
  });

  it('says "just now" under a minute, never "0 sec ago"', () => {
    expect(formatRelative('2026-03-10T12:00:00Z', now)).toBe('just now');
    expect(formatRelative('2026-03-10T11:59:01Z', now)).toBe('just now');
    expect(formatRelative('2026-03-10T12:00:20Z', now)).toBe('just now'); // a clock a little ahead
    expect(formatRelative('2026-03-10T11:59:00Z', now)).toBe('1 min ago');
  });

  it('counts calendar days for dates', () => {
    expect(formatDayRelative('2026-03-10', '2026-03-10T23:00:00')).toBe('Today');
    expect(formatDayRelative('2026-03-11', '2026-03-10T23:00:00')).toBe('Tomorrow');
    expect(formatDayRelative('2026-03-15', '2026-03-10T08:00:00')).toBe('in 5 days');
    expect(formatDayRelative('2026-05-01', '2026-03-10T08:00:00')).toBe('1 May 2026');
    expect(formatMonth('2026-03')).toBe('Mar 26');
  });
});

describe('small formatters', () => {
  it('shows a dash for a missing rating', () => {
    expect(formatRating(null)).toBe('—');
    expect(formatRating(4.1)).toBe('4.10');
  });

  it('takes whole code points for initials, Devanagari included', () => {
    expect(initials('sita', 'sharma')).toBe('SS');
    expect(initials('सीता', 'शर्मा')).toBe('सश');
    expect(initials('', '')).toBe('?');
  });

  it('names the file and humanizes statuses', () => {
    expect(fileName('/home/a/customers-2026-03-10.csv')).toBe('customers-2026-03-10.csv');
    expect(fileName('C:\\Users\\a\\x.csv')).toBe('x.csv');
    expect(humanize('payment_pending')).toBe('Payment pending');
  });
});
