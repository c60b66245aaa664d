import { memo } from 'react';
import type { CustomerRow } from '../bindings';
import { formatCount, formatDate, formatDateTime, formatDayRelative, formatMoney, formatRating, formatRelative } from '../format';
import { CustomerAvatar } from './CustomerAvatar';
import { RowActions } from './RowActions';
import { StatusBadge } from './StatusBadge';
import { TagChips } from './book/TagChips';

/** Row heights in px (app.css `.row` reads `--row-h`); compact rows in windows under 720 px high. */
export const ROW_HEIGHT = 56;
export const COMPACT_ROW_HEIGHT = 42;
export const COMPACT_ROWS_BELOW = '(max-height: 720px)';

type Props = {
  customer: CustomerRow;
  index: number;
  currency: string;
  selected: boolean;
  onOpen: (id: number) => void;
  onSelect: (index: number) => void;
};

/**
 * Memoised: while scrolling only rows that enter the viewport render, and a search re-renders
 * each visible row once. Cells are plain elements with classes (see app.css `.cell*`) rather
 * than Mantine `Text`: a search re-renders every visible row, and ten `Text`s per row (each
 * resolving theme props and style variables) were most of that cost.
 */
export const CustomerRowView = memo(function CustomerRowView({ customer: c, index, currency, selected, onOpen, onSelect }: Props) {
  return (
    <div
      className="row listGrid"
      data-testid="customer-row"
      data-customer-id={c.customer_id}
      data-selected={selected}
      aria-selected={selected}
      role="row"
      onClick={() => {
        onSelect(index);
        onOpen(c.customer_id);
      }}
    >
      <div className="rowWho truncate">
        <CustomerAvatar customer={c} />
        <div className="truncate">
          <div className="nameLine">
            <span className="cell cellStrong truncate" data-testid="customer-name">
              {c.first_name} {c.last_name}
            </span>
            <TagChips tags={c.tags} />
          </div>
          <div className="cellXs dimmed truncate">{c.email}</div>
        </div>
      </div>
      <div className="truncate">
        <div className="cell truncate num">{c.phone ?? '—'}</div>
        <div className="cellXs dimmed truncate">{c.city ?? '—'}</div>
      </div>
      <div>
        <StatusBadge status={c.status} />
      </div>
      <div className="cell num right" data-testid="total-bookings">
        {formatCount(c.total_bookings)}
      </div>
      <div className="cell num right" data-testid="total-spent">
        {formatMoney(c.total_spent, currency)}
      </div>
      <div className={c.average_rating === null ? 'cell num right dimmed' : 'cell num right'} data-testid="average-rating">
        {formatRating(c.average_rating)}
      </div>
      {/* A native title: cheap enough for every virtual row, and it shows the exact time. */}
      {c.last_booking_at ? (
        <div className="cell truncate" title={formatDateTime(c.last_booking_at)} data-testid="last-booking">
          {formatRelative(c.last_booking_at)}
        </div>
      ) : (
        <div className="cell truncate dimmed" data-testid="last-booking">
          No visits yet
        </div>
      )}
      <div className={c.next_visit_on ? 'cell truncate' : 'cell truncate dimmed'} title={c.next_visit_on ? formatDate(c.next_visit_on) : undefined} data-testid="next-visit">
        {c.next_visit_on ? formatDayRelative(c.next_visit_on) : '—'}
      </div>
      <RowActions customer={c} />
    </div>
  );
});

/**
 * Still placeholders, as plain elements (app.css `.skel`): a jump-scroll mounts a screenful
 * of them at once, and a dozen Mantine `Skeleton`s per row were a frame of their own. No
 * pulse: it repainted every row in view at every frame while a page loaded.
 */
export const RowSkeleton = memo(function RowSkeleton() {
  const bar = (width: number | string, height = 10, extra = '') => <span className={`skel ${extra}`} style={{ width, height }} />;
  return (
    <div className="row listGrid" style={{ cursor: 'default' }} data-testid="customer-row-loading">
      <div className="rowWho">
        <span className="skel skelCircle" />
        <div style={{ flex: 1 }}>
          {bar('70%', 10, 'skelGap')}
          {bar('50%', 8)}
        </div>
      </div>
      {bar('70%')}
      {bar(60, 16)}
      {bar(24, 10, 'right')}
      {bar(70, 10, 'right')}
      {bar(30, 10, 'right')}
      {bar(70)}
      {bar(60)}
      {bar(70)}
    </div>
  );
});
