import { fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { callsOf, mockCommands, renderBook, row } from '../../test/renderBook';
import type { DuplicateCards } from '../../bindings';
import { DuplicatesModal } from './DuplicatesModal';

const platform = row({ customer_id: 212, first_name: 'Ram', last_name: 'Thapa', phone: '+977 980-758-1814', tags: ['VIP'] });
const own = row({ customer_id: -3, source: 'local', first_name: 'Ram', last_name: 'THAPA', email: '', phone: '09807581814', total_bookings: 1 });
/** The command's answer for these groups (all of them shown). */
const dups = (groups: DuplicateCards[]) => ({ group_count: groups.length, customer_count: groups.reduce((n, g) => n + g.customers.length, 0), groups });
const walkIn = row({ customer_id: -9, source: 'local', first_name: 'Ram', last_name: 'Thapa', email: '', phone: null, city: 'Pokhara' });

describe('Duplicates', () => {
  afterEach(() => clearMocks());

  it('merges a group into its first card, then Undo unmerges the kept card once per merged one', async () => {
    const calls = mockCommands({
      list_duplicates: dups([{ reasons: ['same phone 9807581814', 'same name and city ram thapa, pokhara'], customers: [platform, own, walkIn] }]),
      merge_customers: () => platform,
      unmerge_customer: ({ customerId }) => (customerId === 212 ? own : null),
    });
    renderBook(<DuplicatesModal opened onClose={() => {}} />);
    expect(await screen.findByText('same phone 9807581814')).toBeInTheDocument();
    expect(screen.getAllByTestId('duplicate-card').map((c) => c.getAttribute('data-customer-id'))).toEqual(['212', '-3', '-9']);
    fireEvent.click(screen.getByTestId('duplicate-merge'));
    const toast = await screen.findByTestId('toast-merged');
    expect(toast).toHaveTextContent('Merged Ram THAPA, Ram Thapa into Ram Thapa');
    expect(callsOf(calls, 'merge_customers')).toEqual([
      { keepId: 212, otherId: -3 },
      { keepId: 212, otherId: -9 },
    ]);
    expect(callsOf(calls, 'unmerge_customer')).toEqual([]);
    fireEvent.click(screen.getByTestId('merge-undo'));
    expect(await screen.findByText('Merge undone')).toBeInTheDocument();
    expect(callsOf(calls, 'unmerge_customer')).toEqual([{ customerId: 212 }, { customerId: 212 }]);
  });

  it('keeps the card the core kept: Undo goes to the id merge_customers returned', async () => {
    // Listed own card first; the core keeps the platform card whatever the order.
    const calls = mockCommands({ list_duplicates: dups([{ reasons: ['same phone 9807581814'], customers: [own, platform] }]), merge_customers: () => platform, unmerge_customer: own });
    renderBook(<DuplicatesModal opened onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('duplicate-merge'));
    expect(await screen.findByTestId('toast-merged')).toHaveTextContent('into Ram Thapa');
    fireEvent.click(screen.getByTestId('merge-undo'));
    await waitFor(() => expect(callsOf(calls, 'unmerge_customer')).toEqual([{ customerId: 212 }]));
  });

  it('asks only for the groups it shows and says how many there are in all', async () => {
    const group = { reasons: ['same phone 9807581814'], customers: [platform, own] };
    const calls = mockCommands({ list_duplicates: { group_count: 3669, customer_count: 85082, groups: [group] } });
    renderBook(<DuplicatesModal opened onClose={() => {}} />);
    expect(await screen.findByTestId('duplicates-more')).toHaveTextContent('Showing 1 of 3,669 groups');
    expect(callsOf(calls, 'list_duplicates')).toEqual([{ limit: 30 }]);
  });

  it('says so when there are no duplicates', async () => {
    mockCommands({ list_duplicates: dups([]) });
    renderBook(<DuplicatesModal opened onClose={() => {}} />);
    expect(await screen.findByTestId('duplicates-none')).toHaveTextContent('No likely duplicates');
  });
});
