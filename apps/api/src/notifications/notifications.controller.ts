import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  ListDeliveriesQuery,
  ListNotificationsQuery,
  RetryDeliveriesRequest,
  UpdateNotificationPreferencesRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './preferences.service';
import { DeliveriesService } from './deliveries.service';

type In<T extends z.ZodType> = z.infer<T>;

@Controller()
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly preferences: PreferencesService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Route('listNotifications')
  list(@QueryOf('listNotifications') q: In<typeof ListNotificationsQuery>) {
    return this.inbox.list(q);
  }

  @Route('unreadNotifications')
  unread() {
    return this.inbox.unread();
  }

  @Route('readAllNotifications')
  readAll() {
    return this.inbox.readAll();
  }

  @Route('readNotification')
  read(@IdOf() id: string) {
    return this.inbox.read(id);
  }

  @Route('getNotificationPreferences')
  getPreferences() {
    return this.preferences.get();
  }

  @Route('updateNotificationPreferences')
  setPreferences(
    @BodyOf('updateNotificationPreferences') body: In<typeof UpdateNotificationPreferencesRequest>,
  ) {
    return this.preferences.update(body);
  }

  @Route('listDeliveries')
  listDeliveries(@QueryOf('listDeliveries') q: In<typeof ListDeliveriesQuery>) {
    return this.deliveries.list(q);
  }

  @Route('retryDeliveries')
  retry(@BodyOf('retryDeliveries') body: In<typeof RetryDeliveriesRequest>) {
    return this.deliveries.retry(body.ids);
  }
}
