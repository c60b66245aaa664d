import { ActionIcon, Group } from '@mantine/core';
import { IconBan, IconNote, IconNotes, IconStar, IconStarFilled } from '@tabler/icons-react';
import type { CustomerRow } from '../bindings';
import { useRelationActions } from './relationActionsContext';

/**
 * Star, block and notes controls; clicks never bubble to the row (which opens the detail).
 * Native titles instead of Mantine tooltips: these render in every virtual row.
 */
export function RelationButtons({ customer, size = 'md' }: { customer: CustomerRow; size?: 'md' | 'lg' }) {
  const a = useRelationActions();
  const stop = (fn: () => void) => (e: React.MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  const hasNotes = customer.notes.trim().length > 0;
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
          title={customer.is_favorite ? 'Remove from favourites' : 'Add to favourites'}
          size={size}
          variant="subtle"
          color={customer.is_favorite ? 'yellow' : 'gray'}
          aria-pressed={customer.is_favorite}
          aria-label="Favourite"
          data-testid="favorite-toggle"
          data-active={customer.is_favorite}
          onClick={stop(() => a.toggleFavorite(customer))}
        >
          {customer.is_favorite ? <IconStarFilled size={18} /> : <IconStar size={18} />}
        </ActionIcon>
      <ActionIcon
          title={customer.is_blocked ? `Blocked${customer.blocked_reason ? `: ${customer.blocked_reason}` : ''} — click to unblock` : 'Block'}
          size={size}
          variant={customer.is_blocked ? 'light' : 'subtle'}
          color={customer.is_blocked ? 'red' : 'gray'}
          aria-pressed={customer.is_blocked}
          aria-label="Block"
          data-testid="block-toggle"
          data-active={customer.is_blocked}
          onClick={stop(() => a.toggleBlock(customer))}
        >
          <IconBan size={18} />
        </ActionIcon>
      <ActionIcon
          title={hasNotes ? customer.notes.slice(0, 200) : 'Add notes'}
          size={size}
          variant={hasNotes ? 'light' : 'subtle'}
          color={hasNotes ? 'indigo' : 'gray'}
          aria-label="Notes"
          data-testid="notes-button"
          data-has-notes={hasNotes}
          onClick={stop(() => a.editNotes(customer))}
        >
          {hasNotes ? <IconNotes size={18} /> : <IconNote size={18} />}
        </ActionIcon>
    </Group>
  );
}
