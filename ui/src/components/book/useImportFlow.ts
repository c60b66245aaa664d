// The client-list import's steps (docs/rules.md §8): pick a file (the native open dialog) →
// preview (a dry run: the mapping, the first 200 rows, every invalid line) → import.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { toErrorPayload, type UiError } from '../../errors';
import { formatCount } from '../../format';
import { commands, type ImportPreview, type ImportReport } from '../../bindings';
import { toast } from '../../toast';

export type ImportState =
  | { step: 'idle' }
  | { step: 'loading'; path: string }
  | { step: 'preview'; path: string; preview: ImportPreview }
  /** The file as a whole cannot be read (not UTF-8, no header, no name column…). */
  | { step: 'error'; error: UiError };

/** Rows that "skip invalid" would import: each valid row is added, matched or unchanged. */
export const validRows = (r: ImportReport) => r.added + r.matched + r.unchanged;

export function importedText(r: ImportReport): [string, string | undefined] {
  const extra = [r.unchanged ? `${formatCount(r.unchanged)} unchanged` : '', r.invalid.length ? `${formatCount(r.invalid.length)} invalid skipped` : ''].filter(Boolean).join(', ');
  return [`Imported: ${formatCount(r.added)} added, ${formatCount(r.matched)} updated`, extra || undefined];
}

export function useImportFlow() {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  // Each pick or close starts a new attempt; answers for an older one are dropped.
  const attempt = useRef(0);
  const close = useCallback(() => {
    attempt.current++;
    setState({ step: 'idle' });
  }, []);
  const pick = useCallback(async () => {
    const mine = ++attempt.current;
    try {
      const path = await commands.pickImportFile();
      // Cancelled: whatever was showing stays.
      if (path === null || mine !== attempt.current) return;
      setState({ step: 'loading', path });
      const preview = await commands.previewImport(path);
      if (mine === attempt.current) setState({ step: 'preview', path, preview });
    } catch (err) {
      if (mine === attempt.current) setState({ step: 'error', error: toErrorPayload(err) });
    }
  }, []);
  const run = useMutation({
    mutationFn: ({ path, skipInvalid }: { path: string; skipInvalid: boolean }) => commands.importCustomers(path, skipInvalid),
    onSuccess: (report) => {
      toast.success(...importedText(report));
      close();
    },
  });
  const { reset } = run;
  return {
    state,
    run,
    /** Stable: the book actions hold it. */
    pick: useCallback(() => {
      reset();
      void pick();
    }, [reset, pick]),
    close: useCallback(() => {
      reset();
      close();
    }, [reset, close]),
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
