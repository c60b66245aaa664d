import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { qk } from '../queryKeys';

export function useAppInfo() {
  return useQuery({ queryKey: qk.appInfo, queryFn: api.appInfo, staleTime: Infinity });
}

/** The provider's currency for money display; NPR is the core's default. */
export function useCurrency(): string {
  return useAppInfo().data?.currency ?? 'NPR';
}
