import type { ProgrammeTemplate, ReminderAudience, ReminderRule } from '../programmes/types';

/** A tenant's change to one rule of its programme's version. */
export interface RuleOverride {
  readonly enabled: boolean;
  readonly leadDays?: number;
  readonly audience?: ReminderAudience;
  readonly role?: string;
}

export interface TenantReminderSettings {
  readonly rules?: Readonly<Record<string, RuleOverride>>;
  /** Rules the tenant added itself. */
  readonly custom?: readonly ReminderRule[];
}

/** A rule as the tenant runs it: the version's rule with the tenant's changes, or one of its own. */
export interface EffectiveRule {
  readonly rule: ReminderRule;
  /** The measure it sits under in the version; null for the tenant's own rules. */
  readonly measureKey: string | null;
  readonly custom: boolean;
  readonly enabled: boolean;
}

/**
 * Every rule of a programme as its tenant runs it. A rule the tenant has not touched is on: adopting a
 * programme means running its reminders, and switching one off is a decision someone records.
 */
export function effectiveRules(
  document: ProgrammeTemplate,
  settings: TenantReminderSettings,
): EffectiveRule[] {
  const overrides = settings.rules ?? {};
  const fromVersion = document.areas.flatMap((area) =>
    area.measures.flatMap((measure) =>
      measure.reminderRules.map((rule): EffectiveRule => {
        const o = overrides[rule.key];
        const audience = o?.audience ?? rule.audience;
        const merged: ReminderRule = {
          ...rule,
          leadDays: o?.leadDays ?? rule.leadDays,
          audience,
          ...(audience === 'role' ? { role: o?.role ?? rule.role } : { role: undefined }),
        };
        return {
          rule: withoutUndefined(merged),
          measureKey: measure.key,
          custom: false,
          enabled: o?.enabled ?? true,
        };
      }),
    ),
  );
  const own = (settings.custom ?? []).map((rule): EffectiveRule => ({
    rule,
    measureKey: null,
    custom: true,
    enabled: overrides[rule.key]?.enabled ?? true,
  }));
  return [...fromVersion, ...own];
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
