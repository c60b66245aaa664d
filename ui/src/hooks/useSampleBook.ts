import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commands } from '../bindings';
import { toast } from '../toast';

/**
 * "Load sample data" and the way back to the provider's own book. The sample is its own
 * file, so nothing made up ever lands in the real book; every query reloads after a switch.
 */
export function useSampleBook() {
  const client = useQueryClient();
  const reload = () => void client.invalidateQueries();
  const open = useMutation({
    mutationFn: () => commands.openSample(),
    onSuccess: () => {
      toast.success('Sample data loaded', 'Made-up customers to try Clientele with. Your own book is kept as it was.');
      reload();
    },
    onError: (err) => toast.error('The sample data did not load', err),
  });
  const leave = useMutation({
    mutationFn: () => commands.leaveSample(),
    onSuccess: () => {
      toast.success('Your own book is open', 'Add customers, import a list or sign in to fill it.');
      reload();
    },
    onError: (err) => toast.error('Your book did not open', err),
  });
  return { open, leave };
}
