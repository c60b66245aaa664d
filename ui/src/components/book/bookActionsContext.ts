import { createContext, useContext } from 'react';
import type { BookingItem, CustomerRow } from '../../bindings';

/** The customer-book flows, opened from the toolbar, the rows, the drawer and the empty state. */
export type BookActions = {
  addCustomer: () => void;
  editProfile: (c: CustomerRow) => void;
  recordVisit: (c: CustomerRow) => void;
  editVisit: (c: CustomerRow, visit: BookingItem) => void;
  deleteVisit: (c: CustomerRow, visit: BookingItem) => void;
  archive: (c: CustomerRow) => void;
  restore: (c: CustomerRow) => void;
  importList: () => void;
  showDuplicates: () => void;
};

export const BookActionsContext = createContext<BookActions | null>(null);

export function useBookActions(): BookActions {
  const a = useContext(BookActionsContext);
  if (!a) throw new Error('useBookActions outside BookActionsProvider');
  return a;
}

export const fullName = (c: Pick<CustomerRow, 'first_name' | 'last_name'>) => `${c.first_name} ${c.last_name}`.trim();

/** True while a dialog, drawer or menu is on screen: page-wide shortcuts leave the keys to it. */
export function popupOpen(): boolean {
  const popups = document.querySelectorAll('[role="dialog"], [role="listbox"], [role="menu"]');
  return [...popups].some((p) => p.getClientRects().length > 0);
}
