import { IconBan, IconCalendarPlus, IconNote, IconNotes, IconStar, IconStarFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CustomerRow } from '../bindings';
import { useBookActions } from './book/bookActionsContext';
import { useRelationActions } from './relationActionsContext';

/**
 * A list row's star, block, notes and "Record a visit" buttons (the drawer has
 * `RelationButtons`). Plain buttons styled in app.css `.rowIcon`: a screenful of rows
 * mounts at once at launch and after a jump, and four Mantine `ActionIcon`s per row were
 * most of that render. Clicks never reach the row (which opens the detail).
 */
export function RowActions({ customer: c }: { customer: CustomerRow }) {
  const relation = useRelationActions();
  const book = useBookActions();
  const hasNotes = c.notes.trim().length > 0;
  return (
    <div className="rowActions">
      <RowIcon
        tone={c.is_favorite ? 'yellow' : undefined}
        title={c.is_favorite ? 'Remove from favourites' : 'Add to favourites'}
        label="Favourite"
        testId="favorite-toggle"
        pressed={c.is_favorite}
        onClick={() => relation.toggleFavorite(c)}
      >
        {c.is_favorite ? <IconStarFilled size={18} /> : <IconStar size={18} />}
      </RowIcon>
      <RowIcon
        tone={c.is_blocked ? 'red' : undefined}
        light={c.is_blocked}
        title={c.is_blocked ? `Blocked${c.blocked_reason ? `: ${c.blocked_reason}` : ''} — click to unblock` : 'Block'}
        label="Block"
        testId="block-toggle"
        pressed={c.is_blocked}
        onClick={() => relation.toggleBlock(c)}
      >
        <IconBan size={18} />
      </RowIcon>
      <RowIcon
        tone={hasNotes ? 'indigo' : undefined}
        light={hasNotes}
        title={hasNotes ? c.notes.slice(0, 200) : 'Add notes'}
        label="Notes"
        testId="notes-button"
        data={{ 'data-has-notes': hasNotes }}
        onClick={() => relation.editNotes(c)}
      >
        {hasNotes ? <IconNotes size={18} /> : <IconNote size={18} />}
      </RowIcon>
      <RowIcon title="Record a visit" label="Record a visit" testId="row-record-visit" onClick={() => book.recordVisit(c)}>
        <IconCalendarPlus size={18} />
      </RowIcon>
    </div>
  );
}

type RowIconProps = {
  children: ReactNode;
  title: string;
  label: string;
  testId: string;
  onClick: () => void;
  /** The colour of an active control; gray otherwise. */
  tone?: 'yellow' | 'red' | 'indigo';
  /** A tinted background (blocked, has notes), as Mantine's `light` variant. */
  light?: boolean;
  /** A toggle's state (`aria-pressed`, `data-active`). */
  pressed?: boolean;
  data?: Record<string, boolean>;
};

function RowIcon({ children, title, label, testId, onClick, tone, light, pressed, data }: RowIconProps) {
  return (
    <button
      type="button"
      className="rowIcon"
      data-tone={tone ?? 'gray'}
      data-light={light || undefined}
      title={title}
      aria-label={label}
      aria-pressed={pressed}
      data-active={pressed}
      data-testid={testId}
      {...data}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      {children}
    </button>
  );
}
