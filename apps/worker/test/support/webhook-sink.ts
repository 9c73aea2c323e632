import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export type RobotChannel = 'wecom' | 'dingtalk';

export interface RobotRequest {
  channel: RobotChannel;
  /** The robot, from the path: /wecom/<robot> or /dingtalk/<robot>. */
  robot: string;
  /** The worker's X-Guanai-Delivery header: the outbox row's id. */
  deliveryId: string | null;
  status: number;
  /** Taken (answered, or to be answered, 200 with {errcode: 0}): the robot posted the message. */
  accepted: boolean;
  /** Why the request was refused when the sink itself refused it (bad signature, bad body). */
  problem: string | null;
  text: string;
  receivedAt: number;
  /** 0 while the answer is held back (latencyMs). */
  answeredAt: number;
}

/**
 * A local HTTP server standing in for WeCom (企业微信) and DingTalk (钉钉) group robots. It checks what
 * the real ones check (the markdown message's shape; DingTalk's timestamp and HMAC-SHA256 sign when a
 * secret is registered), answers like them ({errcode: 0}) and keeps every request. Scriptable: a
 * latency per request, and a number of HTTP errors to answer before succeeding, per robot or per
 * delivery.
 */
export class WebhookSink {
  readonly requests: RobotRequest[] = [];
  /** Milliseconds to wait before answering each request. */
  latencyMs = 0;
  private readonly secrets = new Map<string, string>();
  private readonly failures = new Map<string, { remaining: number; status: number }>();
  private perDelivery: { times: number; status: number; seen: Map<string, number> } | null = null;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<WebhookSink> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const sink = new WebhookSink(server, (server.address() as AddressInfo).port);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void sink.handle(req, res));
    return sink;
  }

  url(channel: RobotChannel, robot: string): string {
    return channel === 'wecom'
      ? `http://127.0.0.1:${this.port}/wecom/${robot}?key=${robot}-key`
      : `http://127.0.0.1:${this.port}/dingtalk/${robot}?access_token=${robot}-token`;
  }

  /** DingTalk's 加签 secret of a robot: its requests must carry a valid timestamp and sign. */
  setDingtalkSecret(robot: string, secret: string): void {
    this.secrets.set(robot, secret);
  }

  /** The next `times` requests to a robot ('*' for any) are answered with HTTP `status`. */
  failNext(robot: string, times: number, status = 500): void {
    this.failures.set(robot, { remaining: times, status });
  }

  /** Every robot answers HTTP `status` until `heal()`. */
  failAll(status = 500): void {
    this.failures.set('*', { remaining: Number.POSITIVE_INFINITY, status });
  }

  /** Back to answering {errcode: 0}. */
  heal(): void {
    this.failures.clear();
    this.perDelivery = null;
  }

  /** Every delivery's first `times` requests are answered with HTTP `status` (0 times: off). */
  failEachDelivery(times: number, status = 500): void {
    this.perDelivery = times ? { times, status, seen: new Map() } : null;
  }

  /** Requests per delivery id, taken or not. */
  requestsById(): Map<string, RobotRequest[]> {
    const out = new Map<string, RobotRequest[]>();
    for (const r of this.requests)
      if (r.deliveryId) out.set(r.deliveryId, [...(out.get(r.deliveryId) ?? []), r]);
    return out;
  }

  /** Accepted requests per delivery id. */
  acceptedById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.requests)
      if (r.accepted && r.deliveryId) counts.set(r.deliveryId, (counts.get(r.deliveryId) ?? 0) + 1);
    return counts;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://sink');
    const [, channel, robot = ''] = url.pathname.split('/') as [string, RobotChannel, string];
    const header = req.headers['x-guanai-delivery'];
    const problem = req.method !== 'POST' ? 'not POST' : this.problemOf(channel, robot, url, text);
    const deliveryId = typeof header === 'string' ? header : null;
    const failure = this.failures.get(robot) ?? this.failures.get('*');
    const nth = deliveryId && this.perDelivery ? (this.perDelivery.seen.get(deliveryId) ?? 0) + 1 : 0;
    if (deliveryId && this.perDelivery) this.perDelivery.seen.set(deliveryId, nth);
    let status = 200;
    let body: { errcode: number; errmsg: string };
    if (deliveryId && this.perDelivery && nth <= this.perDelivery.times) {
      status = this.perDelivery.status;
      body = { errcode: -1, errmsg: 'system busy' };
    } else if (failure && failure.remaining > 0) {
      failure.remaining--;
      status = failure.status;
      body = { errcode: -1, errmsg: 'system busy' };
    } else if (problem) {
      // Both robots answer 200 and put the refusal in errcode (310000: DingTalk's sign mismatch).
      body = { errcode: 310000, errmsg: problem };
    } else {
      body = { errcode: 0, errmsg: 'ok' };
    }
    // Like the real robots, the message is posted to the group once the request is read, whatever
    // becomes of the answer: a sender killed while waiting for it has still delivered the message.
    const record: RobotRequest = {
      channel,
      robot,
      deliveryId,
      status,
      accepted: status === 200 && body.errcode === 0,
      problem,
      text,
      receivedAt: Date.now(),
      answeredAt: 0,
    };
    this.requests.push(record);
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    record.answeredAt = Date.now();
  }

  private problemOf(channel: string, robot: string, url: URL, text: string): string | null {
    let payload: { msgtype?: string; markdown?: { content?: string; title?: string; text?: string } };
    try {
      payload = JSON.parse(text);
    } catch {
      return 'body is not JSON';
    }
    if (payload.msgtype !== 'markdown') return 'msgtype is not markdown';
    if (channel === 'wecom') return payload.markdown?.content ? null : 'no markdown.content';
    if (channel !== 'dingtalk') return `unknown robot path ${url.pathname}`;
    if (!payload.markdown?.title || !payload.markdown.text) return 'no markdown.title or markdown.text';
    const secret = this.secrets.get(robot);
    if (!secret) return null;
    const timestamp = url.searchParams.get('timestamp');
    const sign = url.searchParams.get('sign');
    if (!timestamp || !sign) return 'unsigned';
    // DingTalk refuses a timestamp more than an hour from its clock.
    if (Math.abs(Date.now() - Number(timestamp)) > 3_600_000) return 'timestamp out of range';
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest();
    const given = Buffer.from(sign, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'sign not match';
  }
}
