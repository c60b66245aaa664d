import { fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { useState, type ComponentProps } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListView } from '../../App';
import type { CustomerPage, CustomerQuery } from '../../bindings';
import { callsOf, mockCommands, renderBook, row } from '../../test/renderBook';
import { CustomerList } from '../CustomerList';
import { RelationActionsProvider } from '../RelationActions';
import { BookActionsProvider } from './BookActions';
import { TagChips } from './TagChips';

const page = (q: CustomerQuery): CustomerPage => ({
  count: 1, page: 1, page_size: 100, total_pages: 1,
  status_counts: { all: 1, new: 0, returning: 1, regular: 0, favorite: 0, blocked: 0, archived: 2 },
  results: [row({ tags: ['VIP', 'Kids', 'Walk-in'], archived: q.status === 'archived' })],
});

/** The list as App renders it, with the tags held in state like App does. */
function List() {
  const [tags, setTags] = useState<string[]>([]);
  const [status, setStatus] = useState<ListView['status']>(null);
  const noop = () => {};
  const view = { search: '', status, segment: null, tags, sort: 'last_booking', descending: true } as ListView;
  const props = { view, searchText: '', onSearchText: noop, onStatus: setStatus, onSegment: noop, onApplyView: noop, onTags: setTags, onSort: noop, onDescending: noop, onOpen: noop, onSignIn: noop, detailOpen: false };
  return (
    <RelationActionsProvider>
      <BookActionsProvider onOpenCustomer={noop}>
        <CustomerList {...(props as unknown as ComponentProps<typeof CustomerList>)} />
      </BookActionsProvider>
    </RelationActionsProvider>
  );
}

describe('Tag filter', () => {
  afterEach(() => clearMocks());

  it('puts the picked tags into the list query (all of them), with the counts in the options', async () => {
    const calls = mockCommands({
      list_customers: ({ query }) => page(query as CustomerQuery),
      list_tags: [{ tag: 'VIP', count: 12 }, { tag: 'Kids', count: 4 }, { tag: 'Walk-in', count: 2 }],
      list_duplicates: { group_count: 0, customer_count: 0, groups: [] },
      sync_status: { signed_in: false },
    });
    renderBook(<List />);
    const filter = await screen.findByRole('combobox', { name: 'Customers with all of these tags' });
    await waitFor(() => expect(callsOf(calls, 'list_customers').length).toBeGreaterThan(0));
    expect((callsOf(calls, 'list_customers')[0].query as CustomerQuery).tags).toBeUndefined();

    // Mantine opens a searchable MultiSelect on focus; its dropdown is still in its enter
    // transition in jsdom, hence `hidden: true`.
    fireEvent.focus(filter);
    fireEvent.click(filter);
    const vip = await screen.findByRole('option', { name: /VIP/, hidden: true });
    expect(vip).toHaveTextContent('12');
    fireEvent.click(vip);
    await waitFor(() => expect(callsOf(calls, 'list_customers').some((a) => (a.query as CustomerQuery).tags?.join() === 'VIP')).toBe(true));

    fireEvent.click(await screen.findByRole('option', { name: /Kids/, hidden: true }));
    await waitFor(() => expect(callsOf(calls, 'list_customers').some((a) => (a.query as CustomerQuery).tags?.join() === 'VIP,Kids')).toBe(true));
    const last = callsOf(calls, 'list_customers').at(-1)!.query as CustomerQuery;
    expect(last).toMatchObject({ tags: ['VIP', 'Kids'], page: 1 });
  });

  it('rows show at most two tags then "+N" with all of them in the title', () => {
    renderBook(<TagChips tags={['VIP', 'Kids', 'Walk-in', 'Bridal']} />);
    expect(screen.getAllByTestId('tag-chip').map((c) => c.textContent)).toEqual(['VIP', 'Kids']);
    expect(screen.getByTestId('tag-chip-more')).toHaveTextContent('+2');
    expect(screen.getByTestId('tag-chip-more')).toHaveAttribute('title', 'VIP, Kids, Walk-in, Bridal');
  });

  it('the Archived chip comes after the status chips with its own count, and filters to archived', async () => {
    const calls = mockCommands({ list_customers: ({ query }) => page(query as CustomerQuery), list_tags: [], list_duplicates: { group_count: 0, customer_count: 0, groups: [] } });
    renderBook(<List />);
    await waitFor(() => expect(screen.getByTestId('status-count-archived')).toHaveTextContent('2'));
    expect(screen.getByTestId('status-count-all')).toHaveTextContent('1');
    expect(screen.getByTestId('status-filter-archived')).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(screen.getByTestId('status-filter-archived'));
    await waitFor(() => expect(callsOf(calls, 'list_customers').some((a) => (a.query as CustomerQuery).status === 'archived')).toBe(true));
    expect(screen.getByTestId('status-filter-archived')).toHaveAttribute('aria-pressed', 'true');
  });
});
