import { createTheme, localStorageColorSchemeManager } from '@mantine/core';
import type { CustomerStatus } from './bindings';

// Both bundled (main.tsx): Inter for Latin, Noto Sans Devanagari for names in Devanagari;
// the system's sans-serif only for what neither has. No other fallbacks: WebKit asks
// fontconfig about each named family that is not installed, for each size and weight, and
// at launch those lookups made the first layout 2–3× slower (docs/architecture.md, "Launch").
const FONTS = 'Inter, "Noto Sans Devanagari", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: FONTS,
  // Mantine's headings have their own (system) stack unless told.
  headings: { fontFamily: FONTS, fontWeight: '650' },
  // Mantine's default names seven families, most of them absent on Linux (as above).
  fontFamilyMonospace: 'monospace',
  cursorType: 'pointer',
});

/** Persists auto/light/dark; "auto" follows the system. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'clientele-color-scheme' });

export const STATUS_COLOR: Record<CustomerStatus, string> = {
  new: 'blue',
  returning: 'cyan',
  regular: 'teal',
  favorite: 'yellow',
  blocked: 'red',
  archived: 'gray',
};

export const STATUS_LABEL: Record<CustomerStatus, string> = {
  new: 'New',
  returning: 'Returning',
  regular: 'Regular',
  favorite: 'Favourite',
  blocked: 'Blocked',
  archived: 'Archived',
};

/** The chips that make up "All"; `archived` is a separate chip after them (not part of All). */
export const STATUSES: CustomerStatus[] = ['new', 'returning', 'regular', 'favorite', 'blocked'];
