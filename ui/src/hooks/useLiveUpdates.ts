import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onDataChanged } from '../api';

/** Sync or another window changed the data: every query is refetched. */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let dropped = false;
    onDataChanged(() => void client.invalidateQueries()).then((fn) => {
      if (dropped) fn();
      else unlisten = fn;
    });
    return () => {
      dropped = true;
      unlisten?.();
    };
  }, [client]);
}
