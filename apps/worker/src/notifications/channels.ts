// The three external channels. Each throws with a short reason when the far end did not take the
// message, so the outbox row records why (shown in the dead-letter list).
import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { webhookProblem } from '@guanai/db';

export interface Message {
  /** The outbox row's id: the email's Message-ID, so a receiver can tell a resend from a new message. */
  id: string;
  title: string;
  body: string;
  link: string | null;
}

export class DeliveryError extends Error {}

export function smtpTransport(url: string): Transporter {
  // Pooled: a server that pauses before its greeting (smtp-server waits 100 ms) costs it once per
  // connection, not per message (the bench measured 49/s unpooled against such a server).
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

export async function sendEmail(
  transport: Transporter,
  from: string,
  to: string,
  m: Message,
  baseUrl: string,
): Promise<void> {
  await transport.sendMail({
    from,
    to,
    subject: m.title,
    text: `${m.body}${m.link ? `\n\n${baseUrl}${m.link}` : ''}`,
    messageId: `<${m.id}@guanai>`,
  });
}

async function postJson(
  url: string,
  deliveryId: string,
  payload: unknown,
  allowedHosts: readonly string[],
): Promise<void> {
  // Checked again at send time: the name may resolve elsewhere than when it was saved.
  const problem = await webhookProblem(url, allowedHosts);
  if (problem) throw new DeliveryError(`webhook refused: ${problem}`);
  const res = await fetch(url, {
    method: 'POST',
    // The outbox row's id, as the email's Message-ID: a receiver (or a proxy's log) can tell a resend
    // from a new message. An opaque id, no personal data.
    headers: { 'content-type': 'application/json', 'x-guanai-delivery': deliveryId },
    body: JSON.stringify(payload),
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  // Both robots answer 200 with {errcode, errmsg}; errcode 0 is success.
  let body: { errcode?: number; errmsg?: string };
  try {
    body = JSON.parse(text);
  } catch {
    throw new DeliveryError(`not JSON: ${text.slice(0, 200)}`);
  }
  if (body.errcode !== 0)
    throw new DeliveryError(`errcode ${body.errcode}: ${body.errmsg ?? ''}`.slice(0, 300));
}

const markdown = (m: Message, baseUrl: string) =>
  `### ${m.title}\n${m.body}${m.link ? `\n\n[查看](${baseUrl}${m.link})` : ''}`;

/** WeCom (企业微信) group robot: a markdown message. */
export function sendWecom(
  url: string,
  m: Message,
  baseUrl: string,
  allowedHosts: readonly string[],
): Promise<void> {
  return postJson(
    url,
    m.id,
    { msgtype: 'markdown', markdown: { content: markdown(m, baseUrl) } },
    allowedHosts,
  );
}

/** DingTalk's 加签: HMAC-SHA256 of "timestamp\nsecret" with the secret, base64, in the query. */
export function dingtalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** DingTalk (钉钉) group robot, signed when a secret is set. */
export function sendDingtalk(
  url: string,
  secret: string | null,
  m: Message,
  baseUrl: string,
  allowedHosts: readonly string[],
): Promise<void> {
  const target = secret ? dingtalkSignedUrl(url, secret, Date.now()) : url;
  return postJson(
    target,
    m.id,
    { msgtype: 'markdown', markdown: { title: m.title, text: markdown(m, baseUrl) } },
    allowedHosts,
  );
}
