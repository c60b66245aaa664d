// The segments' names and their rules in plain words (docs/rules.md §10). The rules
// themselves run in the core; these sentences only explain them.
import type { Segment } from '../bindings';

export const SEGMENTS: Segment[] = ['upcoming', 'lapsed', 'at_risk', 'cancel_prone', 'top_spenders', 'unreviewed'];

export const SEGMENT_LABEL: Record<Segment, string> = {
  upcoming: 'Upcoming (7 days)',
  lapsed: 'Lapsed',
  at_risk: 'At risk',
  cancel_prone: 'Cancel-prone',
  top_spenders: 'Top spenders',
  unreviewed: 'No review yet',
};

const LEFT_OUT = 'Blocked and archived customers are left out.';

/** The rule of a segment, with the lapsed setting filled in. */
export function segmentHelp(segment: Segment, lapsedDays: number | null | undefined): string {
  const lapsed = lapsedDays == null ? 'the lapsed setting' : `${lapsedDays}+ days`;
  switch (segment) {
    case 'upcoming':
      return `A visit is booked for today or one of the next 7 days. ${LEFT_OUT}`;
    case 'lapsed':
      return `No visit booked, and the last visit was ${lapsed} ago (a visit: any booking not cancelled or rejected, dated today or earlier). ${LEFT_OUT}`;
    case 'at_risk':
      return `No visit booked, and more than twice their usual gap has passed since the last visit. Needs 3 or more visit dates to know the gap. ${LEFT_OUT}`;
    case 'cancel_prone':
      return '3 or more cancelled or rejected bookings, and they are at least 30% of all their bookings. Blocked customers count here too.';
    case 'top_spenders':
      return `The top 10% of customers who have spent anything, by total spent on completed bookings. ${LEFT_OUT}`;
    case 'unreviewed':
      return `At least one completed booking and never left a review. ${LEFT_OUT}`;
  }
}

/** "lapsed_days: must be …" → "Must be …": the field is named by the input it is shown on. */
export function fieldMessage(message: string, field: string): string {
  const rest = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
