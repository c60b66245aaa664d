import { IconStarFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Stats, Thresholds } from '../bindings';
import { formatCount, formatRating } from '../format';

export type Card = { key: keyof Stats; label: string; help: string; show: (s: Stats) => ReactNode };

/**
 * Plain-words versions of the docs/rules.md §3 definitions; the numbers come from the core.
 * Two cards count a flag or a booking count where the status chips above the list count the
 * status (favourite and blocked take precedence there), so their labels differ from the chips'
 * and their explanations say how.
 */
export function statCards(t: Thresholds): Card[] {
  return [
    { key: 'total_customers', label: 'Customers', help: 'Everyone who has booked you at least once, whatever happened to the booking.', show: (s) => formatCount(s.total_customers) },
    {
      key: 'regular_customers',
      label: `${t.regular}+ bookings`,
      help: `Customers with at least ${t.regular} bookings that were not cancelled or rejected, whatever their status. The Regular chip leaves out favourites and blocked customers, so it can show fewer.`,
      show: (s) => formatCount(s.regular_customers),
    },
    { key: 'new_customers_this_month', label: 'New this month', help: 'Customers whose very first booking was made this calendar month.', show: (s) => formatCount(s.new_customers_this_month) },
    { key: 'active_customers', label: 'Active (30 days)', help: 'Customers who made a booking in the last 30 days.', show: (s) => formatCount(s.active_customers) },
    {
      key: 'favorite_customers',
      label: 'Starred',
      help: 'Every customer you starred, blocked ones included. The Favourite chip leaves out blocked customers, so it can show fewer.',
      show: (s) => formatCount(s.favorite_customers),
    },
    { key: 'blocked_customers', label: 'Blocked', help: 'Customers you blocked (the same customers as the Blocked chip).', show: (s) => formatCount(s.blocked_customers) },
    {
      key: 'average_rating',
      label: 'Average rating',
      help: 'The mean of all review ratings you received. Customers who never reviewed are not counted as zero.',
      show: (s) =>
        s.average_rating === null ? (
          '—'
        ) : (
          <span className="noShrink" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            {formatRating(s.average_rating)}
            <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label="stars" />
          </span>
        ),
    },
    {
      key: 'retention_rate',
      label: 'Retention',
      help: `Share of your customers who came back: ${t.returning} or more bookings that were not cancelled or rejected.`,
      show: (s) => (s.retention_rate === null ? '—' : `${s.retention_rate.toFixed(1)}%`),
    },
  ];
}
