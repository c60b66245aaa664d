import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../bindings';
import { cadenceSentence } from './cadence';
import { CadenceLine } from './CadenceLine';

const row = (cadence_days: number | null, overdue_days: number | null, visit_dated_on: string | null) => ({ cadence_days, overdue_days, visit_dated_on }) as CustomerRow;

function line(c: CustomerRow) {
  render(
    <MantineProvider>
      <CadenceLine customer={c} />
    </MantineProvider>,
  );
  return screen.getByTestId('detail-cadence');
}

describe('the drawer’s cadence line', () => {
  it('says how overdue a customer is, with the expected date from the last visit', () => {
    // Last visit 1 Mar, every 21 days → expected 22 Mar; today is 27 Mar: 26 days since, 5 over.
    expect(line(row(21, 5, '2026-03-01'))).toHaveTextContent('Usually every 21 days · next expected around 22 Mar 2026 · overdue by 5 days');
    expect(screen.getByTestId('detail-cadence-due')).toHaveTextContent('overdue by 5 days');
  });

  it('says when a customer is due next', () => {
    expect(line(row(30, -12, '2026-03-01'))).toHaveTextContent('Usually every 30 days · next expected around 31 Mar 2026 · due in 12 days');
  });

  it('has nothing to say without a rhythm yet', () => {
    const el = line(row(null, null, '2026-03-01'));
    expect(el).toHaveTextContent('Not enough visits to know their rhythm yet');
    expect(el).not.toHaveTextContent('Usually');
    expect(screen.queryByTestId('detail-cadence-due')).toBeNull();
  });

  it('rounds to whole days and keeps the three parts agreeing on an even median (half a day)', () => {
    // Cadence 36.5 → every 37 days; 186 days since the last visit → 149 over; 30 May + 37 = 6 Jul.
    expect(cadenceSentence(row(36.5, 149.5, '2026-05-30'))).toBe('Usually every 37 days · next expected around 6 Jul 2026 · overdue by 149 days');
    expect(cadenceSentence(row(7, 0, '2026-03-01'))).toBe('Usually every 7 days · next expected around 8 Mar 2026 · due today');
    expect(cadenceSentence(row(10, 1, '2026-03-01'))).toBe('Usually every 10 days · next expected around 11 Mar 2026 · overdue by 1 day');
  });
});
