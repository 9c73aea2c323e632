import { assertHandlersComplete } from './worker-host';
import type { HandlerMap } from './handlers';

describe('job registry check at boot (STYLE 5: every job exactly one handler)', () => {
  const noop = async () => undefined;

  it('accepts handlers for exactly the registered jobs', () => {
    expect(() =>
      assertHandlersComplete({
        maintenance: { 'sessions.cleanup': noop, 'imports.cleanup': noop },
        imports: { 'teachers.import': noop },
        compliance: { 'compliance.refresh': noop, 'compliance.refresh_all': noop },
        reminders: {
          'reminders.evaluate': noop,
          'reminders.sync_schedules': noop,
          'reminders.case_deadlines': noop,
        },
        notifications: { 'notifications.deliver': noop },
      }),
    ).not.toThrow();
  });

  it('refuses a missing handler', () => {
    expect(() =>
      assertHandlersComplete({
        maintenance: {},
        imports: { 'teachers.import': noop },
      } as unknown as HandlerMap),
    ).toThrow(/sessions.cleanup/);
  });

  it('refuses a handler for a job nobody registered', () => {
    const extra = {
      maintenance: { 'sessions.cleanup': noop, 'sessions.nope': noop },
    } as unknown as HandlerMap;
    expect(() => assertHandlersComplete(extra)).toThrow(/handlers/);
  });
});
