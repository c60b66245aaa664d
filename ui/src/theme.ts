import { createTheme, localStorageColorSchemeManager } from '@mantine/core';
import type { CustomerStatus } from './bindings';

// Both bundled (main.tsx): Inter for Latin, Noto Sans Devanagari for names in Devanagari.
const FONTS = 'Inter, "Noto Sans Devanagari", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: FONTS,
  // Mantine's headings have their own (system) stack unless told.
  headings: { fontFamily: FONTS, fontWeight: '650' },
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
