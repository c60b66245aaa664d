// One place that owns the favourite / block / notes flows so the list and the drawer share
// the same dialogs and the same optimistic mutation.
import { useMemo, useState, type ReactNode } from 'react';
import type { CustomerRow } from '../bindings';
import { useRelationEdit } from '../hooks/useRelationEdit';
import { BlockDialog } from './BlockDialog';
import { NotesDialog } from './NotesDialog';
import { RelationActionsContext as Ctx, RelationDialogOpenContext, type Actions } from './relationActionsContext';

export function RelationActionsProvider({ children }: { children: ReactNode }) {
  const edit = useRelationEdit();
  const [blockFor, setBlockFor] = useState<CustomerRow | null>(null);
  const [notesFor, setNotesFor] = useState<CustomerRow | null>(null);
  const { mutate } = edit;
  const actions = useMemo<Actions>(
    () => ({
      toggleFavorite: (c) => mutate({ customer: c, edit: { field: 'favorite', value: !c.is_favorite } }),
      toggleBlock: (c) => setBlockFor(c),
      editNotes: (c) => setNotesFor(c),
    }),
    [mutate],
  );
  return (
    <Ctx.Provider value={actions}>
      <RelationDialogOpenContext.Provider value={blockFor !== null || notesFor !== null}>{children}</RelationDialogOpenContext.Provider>
      <BlockDialog
        customer={blockFor}
        onClose={() => setBlockFor(null)}
        onConfirm={(c, value, reason) => mutate({ customer: c, edit: { field: 'blocked', value, reason } })}
      />
      <NotesDialog
        customer={notesFor}
        onClose={() => setNotesFor(null)}
        onSave={(c, value) => mutate({ customer: c, edit: { field: 'notes', value } })}
      />
    </Ctx.Provider>
  );
}

