import type { ErrorCode } from './bindings';

/** A command's `{code, message}`, or `unknown` for anything else (a JS bug, a string). */
export type UiError = { code: ErrorCode | 'unknown'; message: string };

/** Commands reject with `{code, message}`; anything else is wrapped. */
export function toErrorPayload(err: unknown): UiError {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown };
    return { code: String(e.code) as ErrorCode, message: String(e.message) };
  }
  if (typeof err === 'string') return { code: 'unknown', message: err };
  if (err instanceof Error) return { code: 'unknown', message: err.message };
  return { code: 'unknown', message: 'Something went wrong.' };
}

/** Errors that a retry cannot fix; TanStack Query should not retry them. */
const PERMANENT = new Set<UiError['code']>([
  'invalid_input',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'malformed',
  'cancelled',
  'damaged',
  'foreign',
  'db_folder_missing',
  'read_only',
]);

export function shouldRetry(failureCount: number, err: unknown): boolean {
  return failureCount < 2 && !PERMANENT.has(toErrorPayload(err).code);
}

/**
 * The one table of what each error code is called on screen: every toast and error panel takes
 * its title from here, so a title always matches its code. `hint` replaces the core's message
 * for the codes whose message is technical (HTTP and transport details); for the others the
 * core's own message (which names the field, the record or the reason) is shown.
 */
export const ERROR_TEXT: Record<UiError['code'], { title: string; hint?: string }> = {
  not_found: { title: 'Not found' },
  invalid_input: { title: 'Check what you entered' },
  conflict: { title: 'Not possible right now' },
  storage: { title: 'The customer book could not be read or saved' },
  io: { title: 'A file could not be read or written' },
  offline: { title: 'You are offline', hint: 'The marketplace could not be reached. Your customers are still here; try again when you are back online.' },
  unauthorized: { title: 'Please sign in again', hint: 'The marketplace no longer accepts this session. Sign in again to keep syncing.' },
  rate_limited: { title: 'The marketplace asked us to slow down', hint: 'Too many requests in a short time. Wait a few minutes, then sync again.' },
  server: { title: 'The marketplace had a problem', hint: 'It did not answer properly. Try again later.' },
  malformed: { title: 'The marketplace sent something unexpected', hint: 'Its answer could not be read, so nothing from it was saved. Try again later.' },
  forbidden: { title: 'This account cannot sync' },
  damaged: { title: 'This customer book is damaged' },
  foreign: { title: 'This is not a Clientele customer book' },
  db_folder_missing: { title: 'The folder of the customer book is missing' },
  read_only: { title: 'The customer book cannot be changed', hint: 'The file is read-only. Nothing was saved; your data is as it was.' },
  disk_full: { title: 'The disk is full', hint: 'Nothing was saved; your data is as it was. Free some space and try again.' },
  cancelled: { title: 'Cancelled' },
  unknown: { title: 'Something went wrong' },
};

// A URL with the words that introduce it ("for url (…)", "to …"); punctuation after it stays.
const URL_IN_TEXT = /(\s+(?:for url|to|at|from|on))?\s*\(?\bhttps?:\/\/[^\s()]*?(?=[.,:;]?(?:[\s)]|$))\)?/gi;

/** The core's message as a sentence a person reads: no request URLs, capital first, full stop. */
export function cleanMessage(message: string): string {
  const s = message
    .replace(URL_IN_TEXT, '')
    .replace(/\s+([:;,.)])/g, '$1')
    .replace(/[:;,]\s*$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (!s) return '';
  const sentence = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export type Problem = { code: UiError['code']; title: string; message: string };

/** Title and message for an error, from its code (see ERROR_TEXT). */
export function describeError(err: unknown): Problem {
  const { code, message } = toErrorPayload(err);
  const text = ERROR_TEXT[code] ?? ERROR_TEXT.unknown;
  return { code: ERROR_TEXT[code] ? code : 'unknown', title: text.title, message: text.hint ?? cleanMessage(message) };
}

/**
 * The sign-in form's wording. At sign-in, `unauthorized` is wrong credentials and `forbidden`
 * an account that is not a service provider's; `offline` there usually means a mistyped address.
 */
export function signInProblem(err: unknown): Problem {
  const p = describeError(err);
  const { message } = toErrorPayload(err);
  if (p.code === 'forbidden') return { ...p, title: 'Not a service-provider account', message: cleanMessage(message) };
  if (p.code === 'unauthorized') {
    return { ...p, title: 'Wrong email or password', message: 'Check both and try again. The password is the one you use on the marketplace.' };
  }
  if (p.code === 'offline') return { ...p, message: 'The marketplace could not be reached. Check the address and your internet connection.' };
  return p;
}
