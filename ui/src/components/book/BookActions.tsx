// One place that owns the customer-book dialogs (add/edit customer, visits, import,
// duplicates) and the confirmations, so the toolbar, rows, drawer and empty state share them.
import { Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { commands, type BookingItem, type CustomerRow } from '../../bindings';
import { formatDate } from '../../format';
import { toast } from '../../toast';
import { BookActionsContext, fullName, popupOpen, type BookActions } from './bookActionsContext';
import { CustomerFormModal, type CustomerFormTarget } from './CustomerFormModal';
import { DuplicatesModal } from './DuplicatesModal';
import { ImportModal } from './ImportModal';
import { useImportFlow } from './useImportFlow';
import { VisitModal, type VisitTarget } from './VisitModal';

export function BookActionsProvider({ children, onOpenCustomer }: { children: ReactNode; onOpenCustomer: (id: number) => void }) {
  const [customerForm, setCustomerForm] = useState<CustomerFormTarget | null>(null);
  const [visit, setVisit] = useState<VisitTarget | null>(null);
  const importFlow = useImportFlow();
  const { pick: pickImport } = importFlow;
  const [duplicates, setDuplicates] = useState(false);

  const archive = useMutation({
    mutationFn: ({ c, archived }: { c: CustomerRow; archived: boolean }) => commands.setArchived(c.customer_id, archived),
    onSuccess: (row, { archived }) => toast.success(archived ? `Archived ${fullName(row)}` : `Restored ${fullName(row)}`, archived ? 'Find them under “Archived”.' : undefined),
    onError: (err, { c, archived }) => toast.error(`Could not ${archived ? 'archive' : 'restore'} ${fullName(c)}`, err),
  });
  const removeVisit = useMutation({
    mutationFn: (b: BookingItem) => commands.deleteVisit(b.id),
    onSuccess: (v) => toast.success('Visit deleted', `${v.service} on ${formatDate(v.date)}`),
    onError: (err) => toast.error('Could not delete the visit', err),
  });
  const { mutate: setArchived } = archive;
  const { mutate: deleteVisit } = removeVisit;

  const actions = useMemo<BookActions>(
    () => ({
      addCustomer: () => setCustomerForm({ mode: 'add' }),
      editProfile: (c) => setCustomerForm({ mode: 'edit', customer: c }),
      recordVisit: (c) => setVisit({ customer: c }),
      editVisit: (c, b) => setVisit({ customer: c, visit: b }),
      deleteVisit: (c, b) =>
        modals.openConfirmModal({
          title: `Delete this visit of ${fullName(c)}?`,
          children: <Text size="sm">{`${b.service_title} on ${formatDate(b.booking_date)}. It stops counting in their bookings and spend.`}</Text>,
          labels: { confirm: 'Delete visit', cancel: 'Cancel' },
          confirmProps: { color: 'red', 'data-autofocus': true, 'data-testid': 'confirm-delete-visit' },
          onConfirm: () => deleteVisit(b),
        }),
      archive: (c) =>
        modals.openConfirmModal({
          title: `Archive ${fullName(c)}?`,
          children: <Text size="sm">They leave the list and the stats; nothing is deleted.</Text>,
          labels: { confirm: 'Archive', cancel: 'Cancel' },
          confirmProps: { 'data-autofocus': true, 'data-testid': 'confirm-archive' },
          onConfirm: () => setArchived({ c, archived: true }),
        }),
      restore: (c) => setArchived({ c, archived: false }),
      importList: pickImport,
      showDuplicates: () => setDuplicates(true),
    }),
    [deleteVisit, setArchived, pickImport],
  );
  // "n" adds a customer (not while typing, nor over another dialog).
  useHotkeys([['n', () => !popupOpen() && actions.addCustomer()]]);

  return (
    <BookActionsContext.Provider value={actions}>
      {children}
      <CustomerFormModal target={customerForm} onClose={() => setCustomerForm(null)} onAdded={onOpenCustomer} />
      <VisitModal target={visit} onClose={() => setVisit(null)} />
      <ImportModal flow={importFlow} />
      <DuplicatesModal opened={duplicates} onClose={() => setDuplicates(false)} />
    </BookActionsContext.Provider>
  );
}
