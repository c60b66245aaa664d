import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../App';
import { mockCore, renderWithProviders, type Call } from './testKit';

// The whole page against the mock backend: what the list asks the core for after a click.
// Nothing stays fresh in the test's cache, so going back to a filter asks again.
// The charts answer "empty": jsdom cannot size them, and they are tested on their own.
const quietCharts = (c: Call) => (c.cmd === 'get_charts' ? { range: 'last12_months', months: [], services: [], status_counts: { all: 0, new: 0, returning: 0, regular: 0, favorite: 0, blocked: 0, archived: 0 }, empty: true } : undefined);
describe('segments and stats cards filter the list', () => {
  // jsdom has no scrolling; the list scrolls to the top on every new filter.
  beforeAll(() => void (Element.prototype.scrollTo ??= () => {}));
  // Unmount (the page stops listening to events) before the mocked event bus goes.
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('a segment chip passes `segment` to the list query, with the search and status, and clears on a second click', async () => {
    const core = mockCore(quietCharts);
    renderWithProviders(<App />);
    const lapsed = await screen.findByTestId('segment-lapsed');
    await waitFor(() => expect(screen.getByTestId('segment-count-lapsed')).not.toHaveTextContent('–'));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'ra' } });
    fireEvent.click(within(screen.getByTestId('status-filter')).getByText('Regular'));
    await waitFor(() => expect(core.lastQuery()).toMatchObject({ search: 'ra', status: 'regular' }));
    expect(core.lastQuery().segment).toBeUndefined();

    fireEvent.click(lapsed);
    await waitFor(() => expect(core.lastQuery()).toMatchObject({ search: 'ra', status: 'regular', segment: 'lapsed' }));
    expect(lapsed).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(lapsed);
    await waitFor(() => expect(core.lastQuery().segment).toBeUndefined());
    expect(core.lastQuery()).toMatchObject({ search: 'ra', status: 'regular' });
    expect(lapsed).toHaveAttribute('aria-pressed', 'false');
  });

  it('the Blocked card sets the status filter (and nothing else), shows itself selected, and a second click shows everyone', async () => {
    const core = mockCore(quietCharts);
    renderWithProviders(<App />);
    await waitFor(() => expect(screen.getByTestId('segment-count-at_risk')).not.toHaveTextContent('–'));
    fireEvent.click(screen.getByTestId('segment-at_risk'));
    await waitFor(() => expect(core.lastQuery().segment).toBe('at_risk'));

    const card = await screen.findByTestId('stat-blocked_customers');
    await waitFor(() => expect(card).toHaveAttribute('role', 'button'));
    fireEvent.click(card);
    await waitFor(() => expect(core.lastQuery().status).toBe('blocked'));
    expect(core.lastQuery().segment).toBeUndefined();
    expect(card).toHaveAttribute('data-selected');
    // The chips agree: the status filter is on Blocked now.
    expect(within(screen.getByTestId('status-filter')).getByDisplayValue('blocked')).toBeChecked();

    fireEvent.click(card);
    await waitFor(() => expect(core.lastQuery().status).toBeUndefined());
    expect(card).not.toHaveAttribute('data-selected');
    // New this month has no filter of its own: it is not a button.
    expect(screen.getByTestId('stat-new_customers_this_month')).not.toHaveAttribute('role');
  });
});
