// "Usually every N days · next expected around D · overdue by N days" (docs/rules.md §10)
// from the core's cadence, last visit date and overdue days; whole days only.
import { addDays, format, isValid, parseISO } from 'date-fns';
import type { CustomerRow } from '../bindings';

type Cadence = Pick<CustomerRow, 'cadence_days' | 'overdue_days' | 'visit_dated_on'>;

export type CadenceParts = { every: string; expected: string | null; due: string; overdue: boolean } | null;

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * `null` without a cadence. The cadence is rounded to whole days first and the expected date
 * and the overdue days follow from it, so the three always agree (an even median can end in .5).
 */
export function cadenceParts(c: Cadence): CadenceParts {
  if (c.cadence_days === null) return null;
  const every = Math.max(1, Math.round(c.cadence_days));
  // overdue = days since the last visit − cadence; the days since are whole.
  const since = c.overdue_days === null ? null : Math.round(c.overdue_days + c.cadence_days);
  const overdue = since === null ? null : since - every;
  const last = c.visit_dated_on ? parseISO(c.visit_dated_on) : null;
  const expected = last && isValid(last) ? format(addDays(last, every), 'd MMM yyyy') : null;
  const due = overdue === null ? '' : overdue > 0 ? `overdue by ${days(overdue)}` : overdue === 0 ? 'due today' : `due in ${days(-overdue)}`;
  return { every: `Usually every ${days(every)}`, expected: expected && `next expected around ${expected}`, due, overdue: (overdue ?? 0) > 0 };
}

export const NO_RHYTHM = 'Not enough visits to know their rhythm yet';

export function cadenceSentence(c: Cadence): string {
  const p = cadenceParts(c);
  return p ? [p.every, p.expected, p.due].filter(Boolean).join(' · ') : NO_RHYTHM;
}
