import { useQuery } from '@tanstack/react-query';
import type { LoginRequest, Me, Permission, TokenResponse } from '@guanai/contracts';
import { api, request } from '@/app/api/client';
import { clearTokens, loadTokens, saveTokens } from '@/app/api/tokens';
import { queryClient } from '@/app/queryClient';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => api.get<Me>('/me'),
    enabled: loadTokens() !== null,
    staleTime: 60_000,
  });
}

/** The logged-in user; only for components rendered below the session gate. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser before the session gate resolved');
  return data;
}

export function useCan(): (p: Permission) => boolean {
  const me = useCurrentUser();
  return (p) => me.permissions.includes(p);
}

export async function login(input: LoginRequest): Promise<TokenResponse> {
  const tokens = await request<TokenResponse>('POST', '/auth/login', { body: input, auth: false });
  queryClient.clear();
  saveTokens(tokens);
  return tokens;
}

export async function logout(): Promise<void> {
  const tokens = loadTokens();
  if (tokens) {
    // Ending the server session is best effort: the local session ends either way.
    await request('POST', '/auth/logout', { body: { refreshToken: tokens.refreshToken } }).catch(
      () => undefined,
    );
  }
  clearTokens();
  queryClient.clear();
}
