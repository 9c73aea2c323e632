import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import {
  DataSource,
  FieldCipher,
  allowedHostsOf,
  inScope,
  returnedRows,
  systemScope,
  type Config,
} from '@guanai/db';
import { CONFIG } from '../config';
import type { JobContext } from '../queues/handlers';
import { DeliveryError, sendDingtalk, sendEmail, sendWecom, smtpTransport, type Message } from './channels';

interface OutboxRow {
  id: string;
  channel: 'email' | 'wecom' | 'dingtalk';
  status: string;
  attempts: number;
  title: string;
  body: string;
  link: string | null;
  channels: string[] | null;
  email: string | null;
  wecom_webhook_enc: string | null;
  dingtalk_webhook_enc: string | null;
  dingtalk_secret_enc: string | null;
}

/** A failure no retry can fix (the user removed the channel): dead at once. */
class UnsendableError extends DeliveryError {}

export type DeliveryOutcome = 'sent' | 'already_done' | 'busy' | 'dead';

/** How long a claimed row is left to its attempt: longer than any send can take (SMTP gives up after ~40 s). */
export const SENDING_LEASE_S = 60;

/** Why a row claimed by an attempt that never came back is a dead letter (shown to admins as it is). */
export const UNKNOWN_OUTCOME =
  '发送结果未知：发送过程中进程中断，消息可能已送达，请与收件人确认后再决定是否重发（unknown outcome: the worker stopped while sending）';

/**
 * `notifications/notifications.deliver`: sends one outbox row, at most once. An attempt claims the row
 * ('sending', with a lease) and commits before it calls the far end, sends with no transaction open,
 * then commits the result: sent; or pending again with the failure counted (BullMQ retries with
 * backoff), dead at NOTIFY_MAX_ATTEMPTS or when no retry can help. A row found 'sending' after its lease
 * belongs to an attempt that died between the far end and its commit: it may have arrived, so it is
 * not sent again but becomes a dead letter saying so, for an admin to check and retry. A row found
 * 'sending' within its lease is another attempt's: this job waits until the lease ends.
 */
@Injectable()
export class DeliverJob implements OnApplicationShutdown {
  private readonly logger = new Logger('notifications.deliver');
  private transport: Transporter | undefined;
  private readonly allowedHosts: string[];

  constructor(
    private readonly ds: DataSource,
    private readonly cipher: FieldCipher,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.allowedHosts = allowedHostsOf(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async deliver(deliveryId: string, job?: Pick<JobContext, 'delayUntil'>): Promise<DeliveryOutcome> {
    const claim = await this.claim(deliveryId);
    // Another attempt holds the row (its lease, or a lock not yet committed): look again when it ends.
    if (claim.kind === 'in_flight' || claim.kind === 'busy') {
      if (job) await job.delayUntil(claim.kind === 'in_flight' ? claim.until : new Date(Date.now() + 5_000));
      return 'busy';
    }
    if (claim.kind !== 'send') return claim.kind;
    let failure: unknown = null;
    try {
      await this.send(claim.row);
    } catch (e) {
      failure = e;
    }
    const reason =
      failure === null ? null : (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
    const dead =
      failure !== null &&
      (claim.row.attempts >= this.config.NOTIFY_MAX_ATTEMPTS || failure instanceof UnsendableError);
    const updated = await inScope(this.ds, systemScope('notifications.deliver'), (em) =>
      em.query(
        `UPDATE notification_deliveries
            SET status = CASE WHEN $2::text IS NULL THEN 'sent' WHEN $3 THEN 'dead' ELSE 'pending' END,
                sent_at = CASE WHEN $2::text IS NULL THEN now() END, dead_at = CASE WHEN $3 THEN now() END,
                last_error = $2, sending_until = NULL
          WHERE id = $1 AND status = 'sending'
          RETURNING id`,
        [deliveryId, reason, dead],
      ),
    );
    // The lease ran out first (a send slower than SENDING_LEASE_S): the row is already a dead letter of
    // unknown outcome, which is what an admin should see; say so in the log.
    if (!returnedRows(updated).length)
      this.logger.warn(
        `delivery ${deliveryId}: result (${reason ?? 'sent'}) came after its lease; left as a dead letter`,
      );
    // Thrown after the commit, so BullMQ retries with backoff; the row's count decides the dead letter.
    if (reason !== null && !dead) throw new DeliveryError(reason);
    return reason === null ? 'sent' : 'dead';
  }

  private claim(
    deliveryId: string,
  ): Promise<
    { kind: 'send'; row: OutboxRow } | { kind: 'in_flight'; until: Date } | { kind: DeliveryOutcome }
  > {
    return inScope(this.ds, systemScope('notifications.deliver'), async (em) => {
      const [row]: (OutboxRow & { sending_until: Date | null })[] = await em.query(
        `SELECT d.id, d.channel, d.status, d.attempts, d.sending_until, n.title, n.body, n.link, np.channels, np.email,
                np.wecom_webhook_enc, np.dingtalk_webhook_enc, np.dingtalk_secret_enc
           FROM notification_deliveries d
           JOIN notifications n ON n.id = d.notification_id
           LEFT JOIN notification_preferences np ON np.user_id = d.user_id
          WHERE d.id = $1
          FOR UPDATE OF d SKIP LOCKED`,
        [deliveryId],
      );
      if (!row) return { kind: 'busy' as const };
      if (row.status === 'sent' || row.status === 'dead') return { kind: 'already_done' as const };
      if (row.status === 'sending') {
        const until = new Date(row.sending_until!);
        if (until.getTime() > Date.now()) return { kind: 'in_flight' as const, until };
        await em.query(
          `UPDATE notification_deliveries SET status = 'dead', dead_at = now(), last_error = $2, sending_until = NULL WHERE id = $1`,
          [row.id, UNKNOWN_OUTCOME],
        );
        return { kind: 'dead' as const };
      }
      await em.query(
        `UPDATE notification_deliveries
            SET status = 'sending', attempts = attempts + 1, sending_until = now() + make_interval(secs => $2)
          WHERE id = $1`,
        [row.id, SENDING_LEASE_S],
      );
      return { kind: 'send' as const, row: { ...row, attempts: row.attempts + 1 } };
    });
  }

  private async send(row: OutboxRow): Promise<void> {
    const m: Message = { id: row.id, title: row.title, body: row.body, link: row.link };
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    if (!row.channels?.includes(row.channel)) throw new UnsendableError('channel switched off by the user');
    const open = (v: string | null) => (v ? this.cipher.decrypt(v) : null);
    switch (row.channel) {
      case 'email': {
        if (!row.email) throw new UnsendableError('no email address');
        if (!this.config.SMTP_URL) throw new UnsendableError('SMTP not configured');
        this.transport ??= smtpTransport(this.config.SMTP_URL);
        return sendEmail(this.transport, this.config.MAIL_FROM, row.email, m, base);
      }
      case 'wecom': {
        const url = open(row.wecom_webhook_enc);
        if (!url) throw new UnsendableError('no WeCom webhook');
        return sendWecom(url, m, base, this.allowedHosts);
      }
      case 'dingtalk': {
        const url = open(row.dingtalk_webhook_enc);
        if (!url) throw new UnsendableError('no DingTalk webhook');
        return sendDingtalk(url, open(row.dingtalk_secret_enc), m, base, this.allowedHosts);
      }
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
