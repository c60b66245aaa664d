// Which stats cards list their customers when clicked (docs/rules.md §10), and honestly: a
// card filters only when a status chip shows exactly the customers it counts.
import type { CustomerStatus, Stats, StatusCounts } from '../bindings';
import { formatCount } from '../format';

export type CardTarget = { clickable: true; status: CustomerStatus | null; hint: string } | { clickable: false; hint: string | null };

const NONE: CardTarget = { clickable: false, hint: null };

const them = (n: number, one: string, many: string) => `${formatCount(n)} of them ${n === 1 ? one : many}`;

/**
 * `counts`: the chips' counts without a search. The Regular chip leaves out favourites and
 * blocked customers (their status wins) and the Favourite chip leaves out blocked ones, while
 * the cards count them; a status chip ⊆ its card, so equal counts mean the same customers.
 */
export function cardTarget(key: keyof Stats, stats: Stats, counts: StatusCounts | undefined): CardTarget {
  switch (key) {
    case 'total_customers':
      return { clickable: true, status: null, hint: 'Click to list them all (clears the search and filters).' };
    case 'blocked_customers':
      return { clickable: true, status: 'blocked', hint: 'Click to list them (the Blocked chip).' };
    case 'regular_customers':
      if (!counts) return NONE;
      if (counts.regular === stats.regular_customers) return { clickable: true, status: 'regular', hint: 'Click to list them (the Regular chip).' };
      return {
        clickable: false,
        hint: `${them(stats.regular_customers - counts.regular, 'is a favourite or blocked', 'are favourites or blocked')} and listed under those chips, so no list shows exactly these; the Regular chip lists the other ${formatCount(counts.regular)}.`,
      };
    case 'favorite_customers':
      if (!counts) return NONE;
      if (counts.favorite === stats.favorite_customers) return { clickable: true, status: 'favorite', hint: 'Click to list them (the Favourite chip).' };
      return {
        clickable: false,
        hint: `${them(stats.favorite_customers - counts.favorite, 'is also blocked', 'are also blocked')} and listed under Blocked, so no list shows exactly these; the Favourite chip lists the other ${formatCount(counts.favorite)}.`,
      };
    default:
      // New this month and active have no filter; the rating and retention are not sets.
      return NONE;
  }
}
