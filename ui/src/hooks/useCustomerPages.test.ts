import { describe, expect, it } from 'vitest';
import { AHEAD, PAGE_SIZE, pagesAround } from './useCustomerPages';

describe('pagesAround', () => {
  it('loads the pages under the viewport and the next one before it is reached', () => {
    expect(PAGE_SIZE).toBe(100);
    expect(AHEAD).toBe(50);
    // Rows 0–12 on screen: page 1 only.
    expect(pagesAround(0, 12, 100_000)).toEqual([1]);
    // Rows 40–52: row 102 is within reach, so page 2 is fetched before row 100 is seen.
    expect(pagesAround(40, 52, 100_000)).toEqual([1, 2]);
    // Going back up from rows 130–142: page 1 is read ahead too.
    expect(pagesAround(130, 142, 100_000)).toEqual([1, 2]);
    expect(pagesAround(160, 172, 100_000)).toEqual([2, 3]);
  });

  it('asks for the pages around a scrollbar jump only, and nothing past the end', () => {
    expect(pagesAround(99_990, 99_999, 100_000)).toEqual([1000]);
    expect(pagesAround(89_995, 90_007, 100_000)).toEqual([900, 901]);
    expect(pagesAround(0, 12, 30)).toEqual([1]);
    expect(pagesAround(0, 0, 0)).toEqual([1]);
  });
});
