import type { QueueBoardTicket } from '@guanai/contracts';
import type { z } from 'zod';
import { api } from '@/app/api/client';

/**
 * Opens Bull Board (the job queues' dashboard, /admin/queues) in a new tab. It is a server-rendered
 * page that cannot see the SPA's bearer token, so the API hands out a single-use, one-minute ticket
 * the board trades for its own session. The tab is opened before the request: a window opened after
 * an await is no longer the click's, and browsers block it as a pop-up.
 */
export async function openQueueBoard(onError: (err: unknown) => void): Promise<void> {
  const tab = window.open('about:blank', '_blank');
  try {
    const { url } = await api.post<z.infer<typeof QueueBoardTicket>>('/admin/queues/ticket');
    const href = new URL(url, window.location.origin).href;
    if (tab) {
      // The board needs no handle on the SPA's window.
      tab.opener = null;
      tab.location.href = href;
    } else window.location.assign(href);
  } catch (err) {
    tab?.close();
    onError(err);
  }
}
