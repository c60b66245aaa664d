import { describe, expect, it } from 'vitest';
import type { Stats, StatusCounts } from '../bindings';
import { cardTarget } from './statFilters';

const stats: Stats = { total_customers: 100, regular_customers: 30, new_customers_this_month: 4, active_customers: 20, favorite_customers: 8, blocked_customers: 3, average_rating: 4.5, retention_rate: 60 };
const counts = (c: Partial<StatusCounts>): StatusCounts => ({ all: 100, new: 40, returning: 22, regular: 30, favorite: 8, blocked: 3, archived: 1, ...c });

describe('which stats cards filter the list', () => {
  it('lists the card’s status when its chip holds exactly the customers the card counts', () => {
    expect(cardTarget('total_customers', stats, counts({}))).toMatchObject({ clickable: true, status: null });
    expect(cardTarget('blocked_customers', stats, counts({}))).toMatchObject({ clickable: true, status: 'blocked' });
    expect(cardTarget('regular_customers', stats, counts({}))).toMatchObject({ clickable: true, status: 'regular' });
    expect(cardTarget('favorite_customers', stats, counts({}))).toMatchObject({ clickable: true, status: 'favorite', hint: expect.stringContaining('Click to list them') });
  });

  it('does not filter when the chip would list fewer customers than the card counts, and says why', () => {
    // 4 regulars are favourites or blocked: the Regular chip shows 26 of the 30.
    const regular = cardTarget('regular_customers', stats, counts({ regular: 26 }));
    expect(regular.clickable).toBe(false);
    expect(regular.hint).toBe('4 of them are favourites or blocked and listed under those chips, so no list shows exactly these; the Regular chip lists the other 26.');
    const favourite = cardTarget('favorite_customers', stats, counts({ favorite: 7 }));
    expect(favourite.clickable).toBe(false);
    expect(favourite.hint).toBe('1 of them is also blocked and listed under Blocked, so no list shows exactly these; the Favourite chip lists the other 7.');
  });

  it('leaves cards without a filter, and cards that are not sets, alone', () => {
    for (const key of ['new_customers_this_month', 'active_customers', 'average_rating', 'retention_rate'] as const) {
      expect(cardTarget(key, stats, counts({}))).toEqual({ clickable: false, hint: null });
    }
    // Before the chips' counts arrive nothing is claimed.
    expect(cardTarget('regular_customers', stats, undefined)).toEqual({ clickable: false, hint: null });
  });
});
