import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListView } from '../App';
import { invalidateChanged } from '../changes';
import { ExportMenu } from '../components/ExportMenu';
import { qk } from '../queryKeys';
import { mockCore, renderWithProviders } from './testKit';
import { describeView, fromViewQuery, sameView, toViewQuery } from './viewQuery';

const view: ListView = { search: '', status: null, tags: [], segment: 'lapsed', sort: 'overdue', descending: true };

describe('segments elsewhere in the page', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('"Current view" exports the segment with the rest of the filter; "All customers" does not', async () => {
    const core = mockCore((c) => (c.cmd.startsWith('export_') ? { path: '/home/me/customers.csv', rows: 3, bytes: 300 } : undefined));
    renderWithProviders(<ExportMenu getView={() => ({ ...view, status: 'regular' })} />);
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByTestId('export-view'));
    await waitFor(() => expect(core.calls.filter((c) => c.cmd === 'export_csv').map((c) => c.args.filter)).toEqual([{ status: 'regular', segment: 'lapsed' }]));
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByTestId('export-xlsx-all'));
    await waitFor(() => expect(core.calls.filter((c) => c.cmd === 'export_xlsx').map((c) => c.args.filter)).toEqual([{}]));
  });

  it('a change of the customers refetches the segment counts, the lapsed setting and the views; charts refetch every range', () => {
    const client = new QueryClient();
    const keys = [qk.segmentCounts, qk.lapsedDays, qk.views, qk.chartsFor('this_year'), qk.chartsFor('all_time'), qk.stats];
    keys.forEach((k) => client.setQueryData(k, { seeded: true }));
    const stale = () => keys.filter((k) => client.getQueryState(k)?.isInvalidated).map((k) => k.join('/'));
    invalidateChanged(client, { scopes: ['customers'] });
    expect(stale()).toEqual(['segment-counts', 'lapsed-days', 'saved-views']);
    invalidateChanged(client, { scopes: ['charts'] });
    expect(stale()).toEqual(['segment-counts', 'lapsed-days', 'saved-views', 'charts/this_year', 'charts/all_time']);
  });

  it('a view round-trips the list state, leaving out what is unset', () => {
    const full: ListView = { search: 'ram', status: 'blocked', tags: ['VIP'], segment: 'cancel_prone', sort: 'name', descending: true };
    expect(toViewQuery(full)).toEqual({ search: 'ram', status: 'blocked', tags: ['VIP'], segment: 'cancel_prone', sort: 'name', descending: true });
    expect(fromViewQuery(toViewQuery(full))).toEqual(full);
    expect(toViewQuery(view)).toEqual({ segment: 'lapsed', sort: 'overdue', descending: true });
    expect(sameView({ segment: 'lapsed', sort: 'overdue' }, view)).toBe(true);
    expect(sameView({ segment: 'lapsed', sort: 'overdue', descending: false }, view)).toBe(false);
    expect(describeView({ status: 'blocked', sort: 'name', descending: true })).toBe('Blocked · by Name (reversed)');
    expect(describeView({})).toBe('Everyone');
  });
});
