import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { commands, events, type SyncProgress } from '../bindings';
import { toErrorPayload } from '../errors';
import { formatCount } from '../format';
import { qk } from '../queryKeys';
import { toast } from '../toast';

/** The account, the last sync, and a running sync with its live progress. */
export function useSync(onNeedSignIn: () => void) {
  const client = useQueryClient();
  const status = useQuery({ queryKey: qk.syncStatus, queryFn: commands.syncStatus, refetchInterval: 60_000 });
  const [progress, setProgress] = useState<SyncProgress | null>(null);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let dropped = false;
    // Timer syncs report progress too. A sync that dies without a final "done" must not leave
    // the progress bar up forever: it clears after a quiet spell.
    let quiet: ReturnType<typeof setTimeout> | undefined;
    void events.syncProgressed
      .listen(({ payload: p }) => {
        clearTimeout(quiet);
        setProgress(p.phase === 'done' ? null : p);
        if (p.phase !== 'done') quiet = setTimeout(() => setProgress(null), 60_000);
      })
      .then((fn) => {
      if (dropped) fn();
      else unlisten = fn;
    });
    return () => {
      dropped = true;
      clearTimeout(quiet);
      unlisten?.();
    };
  }, []);

  const syncNow = useMutation({
    mutationFn: (full: boolean) => commands.syncNow(full),
    onMutate: () => setProgress({ phase: 'login', pages: 0, items: 0, requests: 0, total_pages: null }),
    onSuccess: (r) => {
      const changed = r.bookings_new + r.bookings_updated + r.reviews_new + r.reviews_updated;
      toast.success('Sync finished', changed === 0 && r.pushed === 0 ? 'Everything was already up to date.' : `${formatCount(changed)} bookings and reviews updated, ${formatCount(r.pushed)} of your edits sent.`);
    },
    onError: (err) => {
      const e = toErrorPayload(err);
      if (e.code === 'cancelled') toast.info('Sync cancelled', 'What was already brought in is kept; the next sync picks up from here.');
      else {
        toast.error('The sync stopped.', err);
        if (e.code === 'unauthorized') onNeedSignIn();
      }
    },
    // What the sync changed is refetched through the `data-changed` signal (changes.ts).
    onSettled: () => setProgress(null),
  });

  const cancel = useMutation({ mutationFn: commands.cancelSync, onError: (err) => toast.error('The sync could not be cancelled.', err) });

  const signOut = useMutation({
    mutationFn: commands.signOut,
    onSuccess: (s) => {
      client.setQueryData(qk.syncStatus, s);
      toast.success('Signed out', 'Your local data stays on this computer.');
    },
    onError: (err) => toast.error('Could not sign out.', err),
  });

  // Signing in starts the first sync at once (issue 11: the list used to stay empty until the
  // user found "Sync now"); rows appear as its pages land (the shell signals per page).
  const signedIn = status.data?.signed_in;
  const wasSignedIn = useRef<boolean | undefined>(undefined);
  const { mutate: startSync, isPending: syncing } = syncNow;
  useEffect(() => {
    if (wasSignedIn.current === false && signedIn === true && !syncing) startSync(false);
    if (signedIn !== undefined) wasSignedIn.current = signedIn;
  }, [signedIn, syncing, startSync]);

  return { status, progress, syncNow, cancel, signOut };
}
