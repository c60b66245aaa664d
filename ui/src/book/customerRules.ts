// The customer form's checks, mirroring the core's (docs/rules.md §7, §9), and the mapping of
// the core's refusal ("email: …") onto the field it names.
import { LIMITS } from '../bindings';
import { NOTES_LIMIT } from '../notes';
import { toErrorPayload } from '../errors';

export type CustomerFields = { first_name: string; last_name: string; email: string; phone: string; city: string; notes: string; tags: string[] };
export type CustomerErrors = Partial<Record<keyof CustomerFields, string>>;

export const NAME_MAX = 100;

const len = (s: string) => Array.from(s.trim()).length;

/** An `@` with something before it and a dot after it (not at the very end), as the core checks. */
export function isEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at <= 0) return false;
  const host = s.slice(at + 1);
  return host.includes('.') && !host.endsWith('.');
}

/** Digits once spaces, dashes, dots, brackets and a leading `+` are removed; null if other characters remain. */
export function phoneDigitCount(s: string): number | null {
  const rest = s.trim().replace(/^\+/, '').replace(/[ \-.()]/g, '');
  return /^\d*$/.test(rest) ? rest.length : null;
}

export function tagsError(tags: string[]): string | null {
  if (tags.length > LIMITS.tags) return `At most ${LIMITS.tags} tags (now ${tags.length})`;
  const long = tags.find((t) => len(t) > LIMITS.tag_chars);
  return long ? `“${long.slice(0, 20)}…” is longer than ${LIMITS.tag_chars} characters` : null;
}

export function validateCustomer(v: CustomerFields): CustomerErrors {
  const e: CustomerErrors = {};
  const first = len(v.first_name);
  if (first === 0) e.first_name = 'A first name is needed';
  else if (first > NAME_MAX) e.first_name = `At most ${NAME_MAX} characters (now ${first})`;
  if (len(v.last_name) > NAME_MAX) e.last_name = `At most ${NAME_MAX} characters (now ${len(v.last_name)})`;
  if (v.email.trim() && !isEmail(v.email.trim())) e.email = 'An email needs an @ and a dot after it, e.g. sita@example.com';
  if (v.phone.trim()) {
    const d = phoneDigitCount(v.phone);
    if (d === null) e.phone = 'Only digits, spaces, dashes, dots, brackets and a leading +';
    else if (d < 7 || d > 15) e.phone = `7 to 15 digits (now ${d})`;
  }
  if (len(v.city) > NAME_MAX) e.city = `At most ${NAME_MAX} characters`;
  if (Array.from(v.notes).length > NOTES_LIMIT) e.notes = `Notes can be at most ${NOTES_LIMIT.toLocaleString('en-IN')} characters`;
  const t = tagsError(v.tags);
  if (t) e.tags = t;
  return e;
}

/**
 * The core refuses with a message that starts with the field ("email: …", "tag \"x\" is …").
 * Returns the field it names (if the form has it) and the message to show under it.
 */
export function fieldOfError<K extends string>(err: unknown, fields: readonly K[]): { field: K | null; message: string } {
  const { message } = toErrorPayload(err);
  const m = /^([a-z_]+):\s*(.*)$/s.exec(message);
  const named = m ? m[1] : /^tags?\b/.test(message) ? 'tags' : null;
  const field = fields.find((f) => f === named || (named === 'tag' && f === 'tags')) ?? null;
  if (!field) return { field: null, message };
  const rest = m && m[1] === field ? m[2] : message;
  return { field, message: rest.charAt(0).toUpperCase() + rest.slice(1) };
}
