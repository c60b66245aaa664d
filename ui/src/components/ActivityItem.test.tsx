import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Activity } from '../bindings';
import { ActivityItem } from './ActivityItem';

const review: Activity = {
  id: 'review_248', type: 'review', customer_id: 3, customer_name: 'गीता Shrestha', title: 'New review',
  description: 'Left a 4-star review of a very long service name that will not fit in the narrow timeline column',
  timestamp: '2026-03-10T11:59:30Z', status: null, amount: null, rating: 4,
};

describe('ActivityItem', () => {
  it('says "just now" for the last minute and shows the whole rating apart from the cut text', () => {
    render(
      <MantineProvider>
        <ActivityItem a={review} currency="NPR" onOpen={vi.fn()} now={Date.parse('2026-03-10T12:00:00Z')} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('activity-time')).toHaveTextContent(/^just now$/);
    const rating = screen.getByTestId('activity-rating');
    expect(rating).toHaveTextContent(/^4$/);
    expect(rating).toHaveAccessibleName('4 out of 5 stars');
    // Outside the truncating text, in a span that does not shrink.
    expect(rating).toHaveClass('noShrink');
    expect(screen.getByTitle(/^New review — Left a 4-star review/)).not.toContainElement(rating);
    expect(screen.getByTestId('activity-time')).toHaveClass('noShrink');
  });
});
