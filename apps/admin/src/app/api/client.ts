import { TokenResponse } from '@guanai/contracts';
import { currentLang } from '@/app/i18n/lang';
import { ApiError, isProblem, localProblem } from './problem';
import { clearTokens, loadTokens, saveTokens } from './tokens';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  /** JSON, or a FormData sent as multipart (the browser sets the boundary). */
  body?: unknown;
  query?: Query;
  /** Public routes (login, refresh) send no token and never try a refresh. */
  auth?: boolean;
  /** The Accept header; JSON unless a file is asked for. */
  accept?: string;
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
  const headers: Record<string, string> = {
    Accept: opts.accept ?? 'application/json',
    'Accept-Language': currentLang(),
  };
  const multipart = opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  const tokens = opts.auth === false ? null : loadTokens();
  if (tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
  try {
    return await fetch(url(path, opts.query), {
      method,
      headers,
      body: multipart
        ? (opts.body as FormData)
        : opts.body === undefined
          ? undefined
          : JSON.stringify(opts.body),
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

/** Sends with the token, renews it once on expiry, and throws the problem of any failed answer. */
async function authorised(method: string, path: string, opts: RequestOptions): Promise<Response> {
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
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await authorised(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** `attachment; filename*=UTF-8''%E6%95%99…` (RFC 6266), else the plain `filename="…"`. */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(cd)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim());
    } catch {
      /* fall through */
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/.exec(cd)?.[1]?.trim() || fallback;
}

/**
 * Downloads a file the API makes (an Excel export, a template) with the bearer token, which a plain
 * link cannot send: fetch → blob → a temporary object URL the browser saves.
 */
export async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await authorised('GET', path, { query, accept: '*/*' });
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res, fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Multipart upload of one file under `field`. */
  upload: <T>(path: string, file: Blob, field = 'file', name?: string) => {
    const form = new FormData();
    form.append(field, file, name ?? (file instanceof File ? file.name : 'upload'));
    return request<T>('POST', path, { body: form });
  },
};
