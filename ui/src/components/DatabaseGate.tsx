import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { commands } from '../bindings';
import { qk } from '../queryKeys';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * The page, or — when the database did not open (damaged, not Clientele's, folder missing,
 * read-only…) — one recovery screen instead of every panel failing on its own. The page
 * renders while the status is still unknown, so the first paint never waits for the open.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const status = useQuery({ queryKey: qk.database, queryFn: () => commands.databaseStatus(), staleTime: Infinity });
  if (status.data?.error) return <RecoveryScreen status={status.data} error={status.data.error} />;
  return <>{children}</>;
}
