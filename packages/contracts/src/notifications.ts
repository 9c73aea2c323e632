import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common';

// Notifications: the in-app inbox (every user), and the external channels a user chooses — email and
// the group robots of WeCom (企业微信) and DingTalk (钉钉) — delivered from an outbox with retries and
// a dead-letter list for admins.

export const EXTERNAL_CHANNELS = ['email', 'wecom', 'dingtalk'] as const;
export const ExternalChannel = z.enum(EXTERNAL_CHANNELS);
export type ExternalChannel = z.infer<typeof ExternalChannel>;

export const Notification = z.object({
  id: Id,
  kind: z.enum(['reminder', 'digest']),
  title: z.string(),
  body: z.string(),
  /** Where the SPA opens it, e.g. /reminders?id=… */
  link: z.string().nullable(),
  reminderId: Id.nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationPage = pageOf(Notification);
export const ListNotificationsQuery = PageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const UnreadCount = z.object({ unread: z.number().int() });

/** 'HH:MM', 24-hour. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'TIME_FORMAT');

/** A webhook address; the server also refuses private and loopback hosts (WEBHOOK_ALLOWED_HOSTS excepted). */
const WebhookUrl = z.url({ message: 'URL_FORMAT' }).max(500);

export const NotificationPreferences = z.strictObject({
  /** External channels on; the in-app inbox is always on. */
  channels: z.array(ExternalChannel).max(3).default([]),
  email: z.email({ message: 'EMAIL_FORMAT' }).max(200).nullable().default(null),
  /** Secrets are never read back: absent keeps the stored one, null removes it. */
  wecomWebhook: WebhookUrl.nullable().optional(),
  dingtalkWebhook: WebhookUrl.nullable().optional(),
  /** DingTalk's 加签 secret (SEC…); the request is signed with it. */
  dingtalkSecret: z.string().trim().min(1).max(200).nullable().optional(),
  /** No external message between these times (the inbox still fills); sent when they end. */
  quietHours: z
    .strictObject({ start: TimeOfDay, end: TimeOfDay })
    // Equal ends would hold every message a whole day.
    .refine((q) => q.start !== q.end, { message: 'QUIET_HOURS_EMPTY', path: ['end'] })
    .nullable()
    .default(null),
  /** One message a day listing the day's reminders instead of one per reminder. */
  digest: z.boolean().default(false),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** version: as read (0 before the first save); absent, the last write wins. */
export const UpdateNotificationPreferencesRequest = NotificationPreferences.extend({
  version: z.number().int().min(0).optional(),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof UpdateNotificationPreferencesRequest>;

/** As read back: secrets are never returned, only whether they are set. */
export const NotificationPreferencesView = z.object({
  channels: z.array(ExternalChannel),
  email: z.string().nullable(),
  wecomWebhookSet: z.boolean(),
  dingtalkWebhookSet: z.boolean(),
  dingtalkSecretSet: z.boolean(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  digest: z.boolean(),
  /** Channels the platform can send on (email needs SMTP configured). */
  available: z.array(ExternalChannel),
  version: z.number().int(),
});
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesView>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export const Delivery = z.object({
  id: Id,
  notificationId: Id,
  userId: Id,
  userName: z.string(),
  orgName: z.string(),
  channel: ExternalChannel,
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deadAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryPage = pageOf(Delivery);
export const ListDeliveriesQuery = PageQuery.extend({
  status: z.enum(DELIVERY_STATUSES).default('dead'),
  channel: ExternalChannel.optional(),
});
export const RetryDeliveriesRequest = z.strictObject({ ids: z.array(Id).min(1).max(500) });
export const RetryDeliveriesResponse = z.object({ retried: z.number().int() });

/** Bull Board is a server-rendered page: the SPA opens it through a single-use link. */
export const QueueBoardTicket = z.object({ url: z.string() });
