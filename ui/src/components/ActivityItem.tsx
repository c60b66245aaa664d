import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconRefresh, IconStar, IconStarFilled } from '@tabler/icons-react';
import type { Activity } from '../bindings';
import { formatDateTime, formatMoney, formatRelative } from '../format';

const KIND_ICON = { booking: IconCalendarPlus, status: IconRefresh, review: IconStar, edit: IconEdit } as const;
const KIND_COLOR = { booking: 'indigo', status: 'cyan', review: 'yellow', edit: 'violet' } as const;

type Props = { a: Activity; currency: string; onOpen: (id: number) => void; now?: number };

/** One timeline entry; the text may be cut with "…", the rating and the time never are. */
export function ActivityItem({ a, currency, onOpen, now }: Props) {
  const Icon = KIND_ICON[a.type] ?? IconRefresh;
  const details = [a.description, a.amount ? formatMoney(a.amount, currency) : ''].filter(Boolean).join(' · ');
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      p={6}
      className="timelineItem"
      data-testid="activity-item"
      data-activity-type={a.type}
      data-customer-id={a.customer_id}
      role="button"
      tabIndex={0}
      onClick={() => onOpen(a.customer_id)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onOpen(a.customer_id))}
    >
      <ThemeIcon size={28} radius="xl" variant="light" color={KIND_COLOR[a.type] ?? 'gray'}>
        <Icon size={15} />
      </ThemeIcon>
      <div className="truncate" style={{ flex: 1 }}>
        <Text size="sm" fw={600} className="truncate" data-testid="activity-customer">
          {a.customer_name}
        </Text>
        <div className="timelineLine">
          <Text size="xs" c="dimmed" className="truncate" title={details ? `${a.title} — ${details}` : a.title}>
            <Text span size="xs" fw={500} c="var(--mantine-color-text)">
              {a.title}
            </Text>
            {details && ` · ${details}`}
          </Text>
          {a.rating !== null && (
            <span className="noShrink ratingTag" aria-label={`${a.rating} out of 5 stars`} title={`${a.rating} out of 5 stars`} data-testid="activity-rating">
              <IconStarFilled size={11} aria-hidden />
              {a.rating}
            </span>
          )}
        </div>
      </div>
      <Text size="xs" c="dimmed" className="noShrink" title={formatDateTime(a.timestamp)} data-testid="activity-time">
        {formatRelative(a.timestamp, now)}
      </Text>
    </Group>
  );
}
