import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { LapsedSetting } from './LapsedSetting';
import { mockCore, renderWithProviders } from './testKit';

describe('the lapsed setting', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('sends what was typed and shows the core’s refusal on the field; a valid value closes it', async () => {
    const core = mockCore((c) => {
      if (c.cmd !== 'set_lapsed_days') return undefined;
      const days = c.args.days as number;
      if (days < 1 || days > 3650) throw { code: 'invalid_input', message: `lapsed_days: must be from 1 to 3650 days (got ${days})` };
      return days;
    });
    renderWithProviders(<LapsedSetting days={90} />);
    fireEvent.click(screen.getByTestId('lapsed-setting'));
    const input = await screen.findByTestId('lapsed-input');
    expect(input).toHaveValue('90');
    fireEvent.change(input, { target: { value: '5000' } });
    fireEvent.click(screen.getByTestId('lapsed-save'));
    expect(await screen.findByText('Must be from 1 to 3650 days (got 5000)')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(input, { target: { value: '60' } });
    fireEvent.click(screen.getByTestId('lapsed-save'));
    await waitFor(() => expect(screen.queryByTestId('lapsed-input')).toBeNull());
    expect(core.calls.filter((c) => c.cmd === 'set_lapsed_days').map((c) => c.args.days)).toEqual([5000, 60]);
  });
});
