import { Controller } from '@nestjs/common';
import type { z } from 'zod';
import type {
  CompleteReminderRequest,
  DismissReminderRequest,
  ListRemindersQuery,
  ReminderSchedule,
  SnoozeReminderRequest,
  UpdateReminderSettingsRequest,
} from '@guanai/contracts';
import { BodyOf, IdOf, QueryOf, Route } from '../common/route';
import { RemindersService } from './reminders.service';
import { ReminderSettingsService } from './reminder-settings.service';

type In<T extends z.ZodType> = z.infer<T>;

@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly settings: ReminderSettingsService,
  ) {}

  @Route('listReminders')
  list(@QueryOf('listReminders') q: ListRemindersQuery) {
    return this.reminders.list(q);
  }

  @Route('getReminderSchedule')
  schedule() {
    return this.settings.schedule();
  }

  @Route('updateReminderSchedule')
  setSchedule(@BodyOf('updateReminderSchedule') body: ReminderSchedule) {
    return this.settings.setSchedule(body);
  }

  @Route('evaluateRemindersNow')
  runNow() {
    return this.settings.runNow();
  }

  @Route('getProgrammeReminders')
  programmeRules(@IdOf() id: string) {
    return this.settings.programmeRules(id);
  }

  @Route('updateProgrammeReminders')
  setProgrammeRules(
    @IdOf() id: string,
    @BodyOf('updateProgrammeReminders') body: In<typeof UpdateReminderSettingsRequest>,
  ) {
    return this.settings.setProgrammeRules(id, body);
  }

  @Route('getReminder')
  get(@IdOf() id: string) {
    return this.reminders.get(id);
  }

  @Route('completeReminder')
  complete(@IdOf() id: string, @BodyOf('completeReminder') body: CompleteReminderRequest) {
    return this.reminders.complete(id, body);
  }

  @Route('snoozeReminder')
  snooze(@IdOf() id: string, @BodyOf('snoozeReminder') body: In<typeof SnoozeReminderRequest>) {
    return this.reminders.snooze(id, body.version, body.until);
  }

  @Route('dismissReminder')
  dismiss(@IdOf() id: string, @BodyOf('dismissReminder') body: In<typeof DismissReminderRequest>) {
    return this.reminders.dismiss(id, body.version, body.reason);
  }
}
