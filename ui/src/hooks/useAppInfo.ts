import { useQuery } from '@tanstack/react-query';
import { commands, DEFAULTS } from '../bindings';
import { qk } from '../queryKeys';

export function useAppInfo() {
  return useQuery({ queryKey: qk.appInfo, queryFn: commands.appInfo, staleTime: Infinity });
}

/** The provider's currency for money display, until app info arrives the core's default. */
export function useCurrency(): string {
  return useAppInfo().data?.currency ?? DEFAULTS.currency;
}
