import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListView } from '../App';
import type { SavedView } from '../bindings';
import { mockCore, renderWithProviders } from './testKit';
import { ViewsMenu } from './ViewsMenu';

const view: ListView = { search: 'ram', status: 'regular', tags: ['VIP'], segment: 'lapsed', sort: 'overdue', descending: true };
const saved: SavedView = { id: 3, name: 'Call back', query: { segment: 'at_risk', sort: 'overdue', descending: true }, count: 12 };

describe('saved views', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('saves the current list under a name and shows the core’s refusal on the name field', async () => {
    const core = mockCore((c) => {
      if (c.cmd === 'list_views') return [saved];
      if (c.cmd === 'save_view') throw { code: 'invalid_input', message: `name: a view called ${JSON.stringify(c.args.name)} exists already` };
    });
    renderWithProviders(<ViewsMenu view={view} onApply={() => {}} />);
    fireEvent.click(screen.getByTestId('views-button'));
    fireEvent.click(await screen.findByTestId('view-save'));
    expect(await screen.findByTestId('view-name-description')).toHaveTextContent('Shows: Lapsed · Regular · “ram” · VIP · by Overdue');
    const input = screen.getByTestId('view-name-input');
    fireEvent.change(input, { target: { value: 'Call back' } });
    fireEvent.click(screen.getByTestId('view-name-save'));
    expect(await screen.findByText('A view called "Call back" exists already')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // The modal stays open with the name, and the whole list query went to the core.
    expect(input).toHaveValue('Call back');
    expect(core.calls.filter((c) => c.cmd === 'save_view').map((c) => c.args)).toEqual([
      { name: 'Call back', query: { search: 'ram', status: 'regular', tags: ['VIP'], segment: 'lapsed', sort: 'overdue', descending: true } },
    ]);
    // Typing again clears the refusal.
    fireEvent.change(input, { target: { value: 'Call back 2' } });
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('A view called "Call back" exists already')).toBeNull();
  });

  it('lists views with their live counts; a click applies the view’s query', async () => {
    mockCore((c) => (c.cmd === 'list_views' ? [saved] : undefined));
    const onApply = vi.fn();
    renderWithProviders(<ViewsMenu view={view} onApply={onApply} />);
    fireEvent.click(screen.getByTestId('views-button'));
    expect(await screen.findByTestId('view-count')).toHaveTextContent('12');
    expect(screen.getByTestId('view-item')).toHaveTextContent('At risk · by Overdue');
    fireEvent.click(screen.getByTestId('view-apply'));
    expect(onApply).toHaveBeenCalledWith(saved.query);
  });

  it('deletes a view only after the confirmation', async () => {
    const core = mockCore((c) => (c.cmd === 'list_views' ? [saved] : c.cmd === 'delete_view' ? null : undefined));
    renderWithProviders(<ViewsMenu view={view} onApply={() => {}} />);
    fireEvent.click(screen.getByTestId('views-button'));
    fireEvent.click(await screen.findByTestId('view-delete'));
    expect(await screen.findByText('Delete the view “Call back”?')).toBeInTheDocument();
    expect(core.calls.some((c) => c.cmd === 'delete_view')).toBe(false);
    fireEvent.click(screen.getByTestId('view-delete-confirm'));
    await waitFor(() => expect(core.calls.filter((c) => c.cmd === 'delete_view').map((c) => c.args)).toEqual([{ id: 3 }]));
  });
});
