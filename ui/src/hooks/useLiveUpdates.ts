import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { events } from '../bindings';
import { invalidateChanged } from '../changes';

/** A write (an edit, a sync, another window) changed data: refetch what it names. */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let dropped = false;
    void events.dataChanged
      .listen((e) => invalidateChanged(client, e.payload))
      .then((fn) => {
        if (dropped) fn();
        else unlisten = fn;
      });
    return () => {
      dropped = true;
      unlisten?.();
    };
  }, [client]);
}
