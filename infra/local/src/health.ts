/**
 * Polls `url` until it answers 200. Readiness (not liveness) is the signal: the API says ready only
 * once its database and Redis answer, which is when a person can log in.
 */
export async function waitForReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `The API was not ready within ${timeoutMs / 1000} s at ${url} (last answer: ${last}). Its log is above.`,
  );
}
