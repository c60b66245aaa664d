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
