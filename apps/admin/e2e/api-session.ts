import { expect, type APIRequestContext } from '@playwright/test';

/** An API call as a logged-in user: the parsed JSON, or the test fails naming the call and the answer. */
export type Call = <T>(method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown) => Promise<T>;

/** Logs in through the API (for arranging data behind the screens a spec tests). */
export async function session(request: APIRequestContext, username: string, password: string): Promise<Call> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  return async <T>(method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}

/** A user made by an administrator, whose initial password is changed at once (as the first login asks). */
export async function newUser(
  request: APIRequestContext,
  by: Call,
  user: { username: string; initial: string; password: string },
  body: { displayName: string; role: string; orgId: string },
): Promise<string> {
  const made = await by<{ user: { id: string } }>('post', '/users', {
    username: user.username,
    password: user.initial,
    ...body,
  });
  const own = await session(request, user.username, user.initial);
  await own('post', '/me/password', { currentPassword: user.initial, newPassword: user.password });
  return made.user.id;
}
