import { TokenResponse } from '@guanai/contracts';
import { currentLang } from '@/app/i18n/lang';
import { ApiError, isProblem, localProblem } from './problem';
import { clearTokens, loadTokens, saveTokens } from './tokens';

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Public routes (login, refresh) send no token and never try a refresh. */
  auth?: boolean;
}

const BASE = '/api/v1';
const REFRESHABLE = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

let onSessionLost: () => void = () => undefined;

/** The app decides what "go to login" means (navigate, clear the cache); the client only reports it. */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

function url(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${BASE}${path}${s ? `?${s}` : ''}`;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang() };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const tokens = opts.auth === false ? null : loadTokens();
  if (tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
  try {
    return await fetch(url(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(
      localProblem(0, 'NETWORK', '无法连接服务器，请检查网络后重试。', 'Cannot reach the server.'),
    );
  }
}

async function readError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isProblem(body)) return new ApiError(body);
  return new ApiError(
    localProblem(
      res.status,
      `HTTP_${res.status}`,
      `请求失败（${res.status}）`,
      `Request failed (${res.status})`,
    ),
  );
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: concurrent 401s wait for the same rotation instead of racing (and revoking) it. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const tokens = loadTokens();
    if (!tokens) return false;
    try {
      const res = await send('POST', '/auth/refresh', {
        body: { refreshToken: tokens.refreshToken },
        auth: false,
      });
      if (!res.ok) return false;
      saveTokens(TokenResponse.parse(await res.json()));
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  if (res.status === 401 && opts.auth !== false && loadTokens()) {
    const err = await readError(res);
    // An expired access token is renewed once; any other 401 (revoked, idle too long) ends the session.
    if (REFRESHABLE.has(err.code) && (await refreshSession())) res = await send(method, path, opts);
    if (res.status === 401) {
      clearTokens();
      onSessionLost();
      throw err;
    }
  }
  if (!res.ok) throw await readError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
};
