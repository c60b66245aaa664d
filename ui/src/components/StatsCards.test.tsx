import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Stats } from '../bindings';
import { qk } from '../queryKeys';
import { STATUS_LABEL } from '../theme';
import { statCards } from './statCards';
import { StatsCards } from './StatsCards';

const stats: Stats = { total_customers: 100000, regular_customers: 40476, new_customers_this_month: 679, active_customers: 55397, favorite_customers: 7895, blocked_customers: 3022, average_rating: 4.35, retention_rate: 69.1 };

describe('stats cards', () => {
  it('names the booking-count and starred cards apart from the status chips, with the threshold given', () => {
    const cards = statCards({ regular: 7, returning: 3 });
    const regular = cards.find((c) => c.key === 'regular_customers')!;
    expect(regular.label).toBe('7+ bookings');
    expect(regular.help).toContain('at least 7 bookings');
    expect(regular.help).toContain('whatever their status');
    expect(regular.help).toContain('The Regular chip leaves out favourites and blocked');
    const starred = cards.find((c) => c.key === 'favorite_customers')!;
    expect(starred.help).toContain('blocked ones included');
    expect(cards.find((c) => c.key === 'retention_rate')!.help).toContain('3 or more bookings');
    // Not the chips' words: these two count something else than the chips do.
    for (const c of [regular, starred]) expect(Object.values(STATUS_LABEL)).not.toContain(c.label.replace(/s$/, ''));
  });

  it('renders one row with the core default threshold and each explanation reachable by keyboard', () => {
    const client = new QueryClient();
    client.setQueryData(qk.stats, stats);
    render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <StatsCards view={{ search: '', status: null, segment: null, tags: [], sort: 'last_booking', descending: true }} onFilter={() => {}} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    expect(screen.getByTestId('stat-regular_customers-label')).toHaveTextContent(`${DEFAULTS.thresholds.regular}+ bookings`);
    expect(screen.getByTestId('stat-total_customers-value')).toHaveTextContent('1,00,000');
    const card = screen.getByTestId('stat-regular_customers');
    expect(card).toHaveAttribute('tabindex', '0');
    expect(card).toHaveAccessibleName(expect.stringContaining('whatever their status'));
  });
});
