import type { ChangePasswordRequest, TotpSetupResponse } from '@guanai/contracts';
import { api, refreshSession } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';
import { ME_KEY } from '@/app/session';

export const changePassword = (body: ChangePasswordRequest) => api.post('/me/password', body);
export const setupTotp = () => api.post<TotpSetupResponse>('/me/totp/setup');
export const enableTotp = (code: string) => api.post('/me/totp/enable', { code });
export const disableTotp = (code: string) => api.post('/me/totp/disable', { code });

/**
 * After a restriction is lifted the access token may still carry it, so rotate the tokens and reload
 * the user. False when the server ended the session instead (the caller sends the user to log in).
 */
export async function reloadSession(): Promise<boolean> {
  const ok = await refreshSession();
  if (ok) await queryClient.invalidateQueries({ queryKey: ME_KEY });
  return ok;
}
