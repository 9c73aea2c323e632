import type { TokenResponse } from '@guanai/contracts';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

// sessionStorage: a closed tab ends the session on this machine, and tabs do not share a login.
const KEY = 'guanai.tokens';

export function loadTokens(): Tokens | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const t = JSON.parse(raw) as Partial<Tokens>;
    return t.accessToken && t.refreshToken
      ? { accessToken: t.accessToken, refreshToken: t.refreshToken }
      : null;
  } catch {
    return null;
  }
}

export function saveTokens(t: TokenResponse | Tokens): void {
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken: t.accessToken, refreshToken: t.refreshToken }));
}

export function clearTokens(): void {
  sessionStorage.removeItem(KEY);
}
