import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type {
  ExternalChannel,
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@guanai/contracts';
import { FieldCipher, allowedHostsOf, webhookProblem, type Config, type WebhookProblem } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import type { ErrorCode } from '../common/messages';
import { RequestContext } from '../common/request-context';
import { CONFIG } from '../config.module';

interface Row {
  channels: ExternalChannel[];
  email: string | null;
  wecom_webhook_enc: string | null;
  dingtalk_webhook_enc: string | null;
  dingtalk_secret_enc: string | null;
  quiet_start: string | null;
  quiet_end: string | null;
  digest: boolean;
  version: number;
}

const WEBHOOK_CODES: Record<WebhookProblem, ErrorCode> = {
  url_format: 'URL_FORMAT',
  not_https: 'WEBHOOK_NOT_HTTPS',
  private_address: 'WEBHOOK_PRIVATE_ADDRESS',
  unresolvable: 'WEBHOOK_UNRESOLVABLE',
};

/** A user's own channels, quiet hours and digest. Webhook addresses and the DingTalk secret are sealed. */
@Injectable()
export class PreferencesService {
  private readonly allowedHosts: string[];

  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.allowedHosts = allowedHostsOf(config.WEBHOOK_ALLOWED_HOSTS);
  }

  private get available(): ExternalChannel[] {
    return this.config.SMTP_URL ? ['email', 'wecom', 'dingtalk'] : ['wecom', 'dingtalk'];
  }

  async get(): Promise<NotificationPreferencesView> {
    const row = await this.row();
    return {
      channels: row?.channels ?? [],
      email: row?.email ?? null,
      wecomWebhookSet: !!row?.wecom_webhook_enc,
      dingtalkWebhookSet: !!row?.dingtalk_webhook_enc,
      dingtalkSecretSet: !!row?.dingtalk_secret_enc,
      quietHours:
        row?.quiet_start && row.quiet_end
          ? { start: row.quiet_start.slice(0, 5), end: row.quiet_end.slice(0, 5) }
          : null,
      digest: row?.digest ?? false,
      available: this.available,
      version: row?.version ?? 0,
    };
  }

  async update(
    input: z.infer<typeof UpdateNotificationPreferencesRequest>,
  ): Promise<NotificationPreferencesView> {
    const current = await this.row(true);
    if (input.version !== undefined && input.version !== (current?.version ?? 0))
      throw new AppError('STALE_VERSION');
    const fields: FieldProblem[] = [];
    const seal = (v: string | null | undefined, kept: string | null | undefined) =>
      v === undefined ? (kept ?? null) : v === null ? null : this.cipher.encrypt(v);
    for (const key of ['wecomWebhook', 'dingtalkWebhook'] as const) {
      const url = input[key];
      if (!url) continue;
      const problem = await webhookProblem(url, this.allowedHosts);
      if (problem) fields.push({ path: `body.${key}`, code: WEBHOOK_CODES[problem] });
    }
    const wecom = seal(input.wecomWebhook, current?.wecom_webhook_enc);
    const dingtalk = seal(input.dingtalkWebhook, current?.dingtalk_webhook_enc);
    const secret = seal(input.dingtalkSecret, current?.dingtalk_secret_enc);
    const channels = [...new Set(input.channels)];
    if (channels.includes('email') && !this.config.SMTP_URL)
      fields.push({ path: 'body.channels', code: 'NOTIFY_CHANNEL_UNAVAILABLE' });
    if (channels.includes('email') && !input.email)
      fields.push({ path: 'body.email', code: 'NOTIFY_EMAIL_REQUIRED' });
    if (channels.includes('wecom') && !wecom)
      fields.push({ path: 'body.wecomWebhook', code: 'NOTIFY_WEBHOOK_REQUIRED' });
    if (channels.includes('dingtalk') && !dingtalk)
      fields.push({ path: 'body.dingtalkWebhook', code: 'NOTIFY_WEBHOOK_REQUIRED' });
    if (fields.length) throw new AppError(fields[0]!.code as ErrorCode, { fields });

    const p = this.ctx.principal;
    await this.ctx.em.query(
      `INSERT INTO notification_preferences AS np
         (user_id, org_id, channels, email, wecom_webhook_enc, dingtalk_webhook_enc, dingtalk_secret_enc, quiet_start, quiet_end, digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (user_id) DO UPDATE SET channels = $3, email = $4, wecom_webhook_enc = $5, dingtalk_webhook_enc = $6,
         dingtalk_secret_enc = $7, quiet_start = $8, quiet_end = $9, digest = $10, updated_at = now(), version = np.version + 1`,
      [
        p.userId,
        p.orgId,
        channels,
        input.email,
        wecom,
        dingtalk,
        secret,
        input.quietHours?.start ?? null,
        input.quietHours?.end ?? null,
        input.digest,
      ],
    );
    return this.get();
  }

  private async row(lock = false): Promise<Row | undefined> {
    const [row] = await this.ctx.em.query(
      `SELECT channels, email, wecom_webhook_enc, dingtalk_webhook_enc, dingtalk_secret_enc,
              quiet_start::text, quiet_end::text, digest, version
         FROM notification_preferences WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [this.ctx.principal.userId],
    );
    return row;
  }
}
