import { fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookingItem } from '../../bindings';
import { amountError } from '../../book/visitRules';
import { callsOf, mockCommands, renderBook, row } from '../../test/renderBook';
import { VisitModal } from './VisitModal';

const visit: BookingItem = {
  id: -7, source: 'local', service_title: 'Beard trim', booking_date: '2026-03-02', booking_time: '10:30:00', status: 'completed',
  total_amount: '400.00', payment_status: 'paid', created_at: '2026-03-02T04:45:00Z', live: true,
};
const saved = { booking_id: -8, customer_id: 101, service: 'Haircut', date: '2026-03-01', time: null, amount: '1200.50', status: 'completed', payment_status: null, created_at: '2026-03-01T06:15:00Z' };

function setup(withVisit?: BookingItem) {
  const calls = mockCommands({ add_visit: saved, edit_visit: saved });
  renderBook(<VisitModal target={{ customer: row(), visit: withVisit }} onClose={() => {}} />);
  const type = (field: string, value: string) => fireEvent.change(screen.getByTestId(`visit-${field}`), { target: { value } });
  const errorOf = (field: string) => {
    const id = (screen.getByTestId(`visit-${field}`).getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
    return id ? document.getElementById(id)?.textContent ?? null : null;
  };
  return { calls, type, errorOf, save: () => fireEvent.click(screen.getByTestId('visit-save')) };
}

describe('Record a visit', () => {
  afterEach(() => clearMocks());

  it('refuses -1, abc and 1.005 as amounts and records nothing', async () => {
    const { calls, type, errorOf, save } = setup();
    type('service', 'Haircut');
    for (const [amount, message] of [
      ['-1', 'The amount cannot be negative'],
      ['abc', 'Digits only, e.g. 1200 or 1200.50'],
      ['1.005', 'At most 2 decimals'],
      ['', 'Enter the amount (0 if it was free)'],
    ]) {
      type('amount', amount);
      save();
      expect(errorOf('amount')).toBe(message);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(callsOf(calls, 'add_visit')).toEqual([]);
  });

  it('records a valid visit with today as the default date and completed as the default status', async () => {
    const { calls, type, errorOf, save } = setup();
    expect((screen.getByTestId('visit-date') as HTMLInputElement).value).toBe(format(new Date(), 'yyyy-MM-dd'));
    type('service', '  Haircut ');
    type('amount', '1200.5');
    expect(errorOf('amount')).toBeNull();
    save();
    await waitFor(() => expect(callsOf(calls, 'add_visit')).toHaveLength(1));
    expect(callsOf(calls, 'add_visit')[0]).toEqual({
      customerId: 101,
      visit: { service: 'Haircut', date: format(new Date(), 'yyyy-MM-dd'), amount: '1200.5', status: 'completed', time: null, payment_status: null },
    });
    expect(await screen.findByText('Visit recorded for Sita Sharma')).toBeInTheDocument();
  });

  it('edits an own visit prefilled, sending "" to clear the time', async () => {
    const { calls, type, save } = setup(visit);
    expect((screen.getByTestId('visit-service') as HTMLInputElement).value).toBe('Beard trim');
    expect((screen.getByTestId('visit-time') as HTMLInputElement).value).toBe('10:30');
    expect((screen.getByTestId('visit-amount') as HTMLInputElement).value).toBe('400.00');
    type('time', '');
    save();
    await waitFor(() => expect(callsOf(calls, 'edit_visit')).toHaveLength(1));
    expect(callsOf(calls, 'edit_visit')[0]).toEqual({
      bookingId: -7,
      edit: { service: 'Beard trim', date: '2026-03-02', amount: '400.00', status: 'completed', time: '', payment_status: 'paid' },
    });
  });

  it('amount rule edges: 0 and 2 decimals pass, a lone dot does not', () => {
    expect(amountError('0')).toBeNull();
    expect(amountError('.5')).toBeNull();
    expect(amountError('1200.00')).toBeNull();
    expect(amountError('.')).not.toBeNull();
    expect(amountError('1,200')).not.toBeNull();
  });
});
