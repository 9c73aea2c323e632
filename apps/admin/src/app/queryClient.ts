import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/app/api/problem';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx is an answer (not found, no access), not a glitch worth repeating.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});
