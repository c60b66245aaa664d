import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Charts, MonthPoint } from '../bindings';
import { ChartsPanel } from '../components/ChartsPanel';
import { mockCore, renderWithProviders } from '../segments/testKit';

// jsdom measures nothing: give the charts' containers a size so recharts draws axes and bars.
const measure = Element.prototype.getBoundingClientRect;
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return this.classList.contains('recharts-responsive-container') ? ({ width: 600, height: 200, top: 0, left: 0, right: 600, bottom: 200, x: 0, y: 0, toJSON: () => ({}) } as DOMRect) : measure.call(this);
  };
});
afterAll(() => void (Element.prototype.getBoundingClientRect = measure));

const month = (m: string, label: string, extra: Partial<MonthPoint> = {}): MonthPoint => ({
  month: m, label, partial: false, new_customers: 4, revenue: '1200.00', cohort_rebooked: 2, cohort_rate: 50, cohort_open: false, ...extra,
});
const charts = (empty: boolean): Charts => ({
  range: 'last12_months',
  months: empty ? [] : [month('2026-10', 'Oct 2026'), month('2026-11', 'Nov 2026', { cohort_open: true }), month('2026-12', 'Dec 2026', { partial: true, cohort_open: true, new_customers: 4, cohort_rebooked: 1, cohort_rate: 25 })],
  services: empty ? [] : [{ service: 'Bridal makeup', revenue: '15000.00', bookings: 1 }, { service: 'Haircut & styling', revenue: '800.00', bookings: 1 }],
  status_counts: { all: 3, new: 3, returning: 0, regular: 0, favorite: 0, blocked: 0, archived: 0 },
  empty,
});

describe('the charts panel', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('shows an empty state, not axes, when there is no booking at all', async () => {
    mockCore((c) => (c.cmd === 'get_charts' ? charts(true) : undefined));
    renderWithProviders(<ChartsPanel />);
    expect(await screen.findByTestId('charts-empty')).toHaveTextContent('No bookings yet — charts appear after your first visit or sync.');
    expect(screen.queryByTestId('chart-new-customers')).toBeNull();
    expect(screen.queryByTestId('chart-range')).toBeNull();
    expect(document.querySelector('.recharts-cartesian-axis')).toBeNull();
  });

  it('asks the core for the range picked, labels months "Oct 2026" and draws the month in progress apart', async () => {
    const core = mockCore((c) => (c.cmd === 'get_charts' ? { ...charts(false), range: c.args.range } : undefined));
    renderWithProviders(<ChartsPanel />);
    const newCustomers = await screen.findByTestId('chart-new-customers');
    expect(core.calls.filter((c) => c.cmd === 'get_charts').map((c) => c.args.range)).toEqual(['last12_months']);
    await waitFor(() => expect(within(newCustomers).getByText('Oct 2026')).toBeInTheDocument());
    // The current month is lighter with a dashed outline, and the legend says why.
    expect(newCustomers.querySelectorAll('path[stroke-dasharray="4 3"]')).toHaveLength(1);
    expect(within(newCustomers).getByText('month in progress')).toBeInTheDocument();
    // Cohorts: the two open months are marked, the closed one is not.
    const cohort = screen.getByTestId('chart-cohort');
    expect(cohort.querySelectorAll('path[stroke-dasharray="4 3"]')).toHaveLength(2);
    expect(within(cohort).getByText('still open')).toBeInTheDocument();
    expect(within(screen.getByTestId('chart-services')).getByText('Bridal makeup')).toBeInTheDocument();

    fireEvent.click(within(screen.getByTestId('chart-range')).getByText('This year'));
    await waitFor(() => expect(core.calls.filter((c) => c.cmd === 'get_charts').map((c) => c.args.range)).toEqual(['last12_months', 'this_year']));
    fireEvent.click(within(screen.getByTestId('chart-range')).getByText('All time'));
    await waitFor(() => expect(core.calls.filter((c) => c.cmd === 'get_charts').map((c) => c.args.range)).toEqual(['last12_months', 'this_year', 'all_time']));
  });
});
