import { LIMITS } from './bindings';

/** The core refuses longer notes; the UI says so before saving instead of truncating. */
export const NOTES_LIMIT = LIMITS.notes_chars;

/** Counts characters as the user sees them (code points), so Devanagari is not over-counted. */
export function noteLength(text: string): number {
  return Array.from(text).length;
}

/** The core's limit for a block reason (characters). */
export const BLOCK_REASON_LIMIT = LIMITS.block_reason_chars;
