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
