import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pagesFor } from './useCustomerPages';

describe('pagesFor', () => {
  it('maps visible row indexes to 1-based pages of 100', () => {
    expect(PAGE_SIZE).toBe(100);
    expect(pagesFor([0, 12])).toEqual([1]);
    expect(pagesFor([95, 110])).toEqual([1, 2]);
    // A scrollbar jump deep into 100,000 rows asks for that page only, not everything before it.
    expect(pagesFor([99_990, 99_999])).toEqual([1000]);
  });
});
