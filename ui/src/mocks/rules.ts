// The core's book rules (docs/rules.md §7–§9) in simplified form, with the core's wording of
// its refusals (`invalid_input`, the message starting with the field), for the mock backend.
import { LIMITS } from '../bindings';
import type { NewCustomer, VisitInput } from '../bindings';
import { VISIT_STATUSES } from '../book/visitRules';

export const invalid = (message: string) => ({ code: 'invalid_input' as const, message });

const trimOrNull = (s: string | null | undefined) => (s ?? '').trim() || null;

export type Profile = { first_name: string; last_name: string; email: string; phone: string | null; city: string | null };

/** §8: email trimmed and lower-cased. */
export const emailKey = (e: string) => e.trim().toLowerCase();

/** §8: digits only, `977` dropped when longer than 10, then a leading `0`. */
export function phoneKey(p: string): string {
  let d = p.replace(/\D/g, '');
  if (d.length > 10 && d.startsWith('977')) d = d.slice(3);
  return d.replace(/^0/, '');
}

export const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function validEmail(email: string): boolean {
  const at = email.indexOf('@');
  if (at <= 0) return false;
  const host = email.slice(at + 1);
  return host.includes('.') && !host.endsWith('.');
}

/** Digits once spaces, dashes, dots, brackets and a leading `+` are gone; null when anything else is left. */
export function phoneDigits(phone: string): number | null {
  const rest = phone.trim().replace(/^\+/, '').replace(/[ \-.()]/g, '');
  return /^\d*$/.test(rest) ? rest.length : null;
}

export function profileOf(c: NewCustomer): Profile {
  return {
    first_name: c.first_name.trim(),
    last_name: (c.last_name ?? '').trim(),
    email: (c.email ?? '').trim(),
    phone: trimOrNull(c.phone),
    city: trimOrNull(c.city),
  };
}

export function checkProfile(p: Profile): void {
  const n = Array.from(p.first_name).length;
  if (n === 0 || n > 100) throw invalid(`first_name: must be 1 to 100 characters (got ${n})`);
  if (Array.from(p.last_name).length > 100) throw invalid('last_name: at most 100 characters');
  if (p.email && !validEmail(p.email)) throw invalid(`email: "${p.email}" is not an email address (it needs an @ and a dot after it)`);
  if (p.phone) {
    const d = phoneDigits(p.phone);
    if (d === null || d < 7 || d > 15) throw invalid(`phone: "${p.phone}" must be 7 to 15 digits (spaces, dashes, dots, brackets and a leading + allowed)`);
  }
  if (p.city && Array.from(p.city).length > 100) throw invalid('city: at most 100 characters');
}

export function checkNotes(notes: string): void {
  const n = Array.from(notes).length;
  if (n > LIMITS.notes_chars) throw invalid(`notes: ${n} characters; notes can be at most ${LIMITS.notes_chars}`);
}

/** §9: trimmed, 1–40 characters, unique ignoring case (first spelling kept), at most 20. */
export function normaliseTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim();
    const n = Array.from(t).length;
    if (n === 0 || n > LIMITS.tag_chars) throw invalid(`tag "${t}" is ${n} characters long; a tag must be 1 to ${LIMITS.tag_chars} characters`);
    if (!out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  if (out.length > LIMITS.tags) throw invalid(`tags: ${out.length} tags; a customer can have at most ${LIMITS.tags}`);
  return out;
}

/** "1200.5" → paisa; the core's refusals for negative or malformed amounts. */
export function parseAmount(s: string): number {
  const t = s.trim();
  if (/^-\d*(\.\d{0,2})?$/.test(t) && t !== '-') throw invalid(`amount: "${s}" is negative`);
  const m = /^(\d{0,15})(?:\.(\d{0,2}))?$/.exec(t);
  if (!m || (m[1] === '' && !m[2])) throw invalid(`amount: "${s}" is not an amount of money (digits, at most 2 decimals, e.g. 1200.00)`);
  return Number(m[1] || 0) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export type CheckedVisit = { service: string; date: string; time: string | null; paisa: number; status: string; payment_status: string | null };

export function checkVisit(v: VisitInput): CheckedVisit {
  const service = v.service.trim();
  const n = Array.from(service).length;
  if (n === 0 || n > 200) throw invalid(`service: must be 1 to 200 characters (got ${n})`);
  const date = v.date.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw invalid(`date: "${v.date}" is not a YYYY-MM-DD date`);
  const time = trimOrNull(v.time);
  if (time && !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time)) throw invalid(`time: "${time}" is not a time of day (HH:MM)`);
  const status = trimOrNull(v.status) ?? 'completed';
  if (!VISIT_STATUSES.includes(status)) throw invalid(`status: "${status}" is not a booking status (one of ${VISIT_STATUSES.join(', ')})`);
  return { service, date, time: time ? (time.length === 5 ? `${time}:00` : time) : null, paisa: parseAmount(v.amount), status, payment_status: trimOrNull(v.payment_status) };
}
