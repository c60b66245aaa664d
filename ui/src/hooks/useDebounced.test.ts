import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebounced } from './useDebounced';

describe('useDebounced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the old value until the delay passes without a change', () => {
    const { result, rerender } = renderHook(({ v }) => useDebounced(v, 150), { initialProps: { v: 'a' } });
    rerender({ v: 'ab' });
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe('a');
    rerender({ v: 'abc' });
    // 100 ms after the last keystroke: still the first value, the timer restarted.
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe('a');
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe('abc');
  });

  it('never emits the intermediate values', () => {
    const seen: string[] = [];
    const { rerender } = renderHook(({ v }) => {
      const d = useDebounced(v, 150);
      if (seen[seen.length - 1] !== d) seen.push(d);
      return d;
    }, { initialProps: { v: '' } });
    for (const v of ['s', 'sh', 'sha']) {
      rerender({ v });
      act(() => vi.advanceTimersByTime(40));
    }
    act(() => vi.advanceTimersByTime(150));
    expect(seen).toEqual(['', 'sha']);
  });
});
