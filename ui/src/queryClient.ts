import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from './errors';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local SQLite answers fast; retry only what can succeed on a second try.
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
