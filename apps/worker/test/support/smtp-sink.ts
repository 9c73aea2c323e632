import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The delivery id the worker puts in Message-ID (<deliveryId@guanai>). */
  deliveryId: string | null;
  messageId: string | null;
  to: string[];
  /** When the server answered 250 to the message: it has accepted it. */
  acceptedAt: number;
}

/**
 * A local SMTP server (no TLS, no authentication) that keeps every message it accepts. `down()` closes
 * the port (connections are refused, as with a mail server that is off); `up()` listens again on the
 * same port.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private constructor(public port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(0);
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get isUp(): boolean {
    return this.server !== null;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      // nodemailer upgrades to STARTTLS when offered and would refuse the self-signed certificate.
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      closeTimeout: 500,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
          const messageId = /^message-id:\s*(<[^>]+>)/im.exec(headers)?.[1] ?? null;
          this.received.push({
            messageId,
            deliveryId: messageId ? (/^<([0-9a-f-]{36})@guanai>$/.exec(messageId)?.[1] ?? null) : null,
            to: session.envelope.rcptTo.map((a) => a.address),
            acceptedAt: Date.now(),
          });
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: new connections are refused until `up()`. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepted messages per delivery id. */
  acceptedById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.received)
      if (m.deliveryId) counts.set(m.deliveryId, (counts.get(m.deliveryId) ?? 0) + 1);
    return counts;
  }
}
