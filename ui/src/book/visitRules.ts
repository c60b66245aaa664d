// The visit form's checks, mirroring the core's (docs/rules.md §7) so most mistakes are caught
// while typing; the core still decides, and its refusal is shown on the field it names.
import { format } from 'date-fns';

/** The platform's booking statuses (the core's `booking_status::KNOWN`); an own visit takes one. */
export const VISIT_STATUSES: readonly string[] = [
  'completed', 'confirmed', 'pending', 'payment_pending', 'service_delivered', 'awaiting_confirmation', 'cancelled', 'rejected', 'disputed',
];

export const PAYMENT_STATUSES = ['paid', 'unpaid', 'partially_paid', 'refunded'];

export const SERVICE_MAX = 200;

export type VisitFields = { service: string; date: string; time: string; amount: string; status: string; payment_status: string };
export type VisitErrors = Partial<Record<keyof VisitFields, string>>;

export const todayLocal = () => format(new Date(), 'yyyy-MM-dd');

/** Why an amount is refused, or null: ≥ 0, digits with at most 2 decimals ("1200", "1200.5", "0"). */
export function amountError(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return 'Enter the amount (0 if it was free)';
  if (/^-/.test(s)) return 'The amount cannot be negative';
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return 'Digits only, e.g. 1200 or 1200.50';
  if ((m[2] ?? '').length > 2) return 'At most 2 decimals';
  if (m[1].length > 15) return 'That amount is too large';
  return null;
}

export function validateVisit(v: VisitFields): VisitErrors {
  const e: VisitErrors = {};
  const n = Array.from(v.service.trim()).length;
  if (n === 0) e.service = 'What was done? (e.g. Haircut)';
  else if (n > SERVICE_MAX) e.service = `At most ${SERVICE_MAX} characters (now ${n})`;
  if (!v.date.trim()) e.date = 'Pick the date of the visit';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date.trim())) e.date = 'A date as YYYY-MM-DD';
  if (v.time.trim() && !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v.time.trim())) e.time = 'A time of day as HH:MM';
  const a = amountError(v.amount);
  if (a) e.amount = a;
  if (!VISIT_STATUSES.includes(v.status)) e.status = 'Pick a status';
  return e;
}
