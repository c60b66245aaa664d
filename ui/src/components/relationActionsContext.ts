import { createContext, useContext } from 'react';
import type { CustomerRow } from '../bindings';

export type Actions = {
  toggleFavorite: (c: CustomerRow) => void;
  toggleBlock: (c: CustomerRow) => void;
  editNotes: (c: CustomerRow) => void;
};

export const RelationActionsContext = createContext<Actions | null>(null);

export function useRelationActions(): Actions {
  const a = useContext(RelationActionsContext);
  if (!a) throw new Error('useRelationActions outside RelationActionsProvider');
  return a;
}

/**
 * Whether a block or notes dialog is open. The detail drawer reads it so that Esc goes to the
 * dialog on top only (Mantine gives Esc to every open modal); a separate context so that rows,
 * which use the actions, do not re-render when a dialog opens.
 */
export const RelationDialogOpenContext = createContext(false);

export function useRelationDialogOpen(): boolean {
  return useContext(RelationDialogOpenContext);
}
