import { ACTIVITY_TYPES, ACTIVITY_TYPE_CODES, activityType, isActivityTypeCode } from './activity-types';
import { BUILTIN_TEMPLATES } from './builtin/builtin-templates';

describe('care activity types (关爱活动类型)', () => {
  it('have unique snake_case codes and both labels', () => {
    expect(new Set(ACTIVITY_TYPE_CODES).size).toBe(ACTIVITY_TYPES.length);
    for (const t of ACTIVITY_TYPES) {
      expect(t.code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(t.zh).not.toBe('');
      expect(t.en).not.toBe('');
    }
    expect(new Set(ACTIVITY_TYPES.map((t) => t.zh)).size).toBe(ACTIVITY_TYPES.length);
  });

  it.each([
    ['visit', true], // 慰问金/慰问品
    ['hardship_assistance', true],
    ['convalescence', true],
    ['health_checkup', true], // Leiyang 18: paid by finance, per head
    ['heart_to_heart_talk', false],
    ['opinion_survey', false],
    ['counselling', false],
  ] as const)('%s carries an amount: %s', (code, carries) => {
    expect(activityType(code).carriesAmount).toBe(carries);
  });

  it('recognises codes and refuses unknown ones', () => {
    expect(isActivityTypeCode('rotation')).toBe(true);
    expect(isActivityTypeCode('Rotation')).toBe(false);
    expect(() => activityType('nope' as never)).toThrow(RangeError);
  });

  it('are each named by a measure of a built-in template (nothing invented)', () => {
    const used = new Set(
      BUILTIN_TEMPLATES.flatMap((t) => t.areas.flatMap((a) => a.measures.flatMap((m) => m.activityTypes))),
    );
    expect(ACTIVITY_TYPE_CODES.filter((c) => !used.has(c))).toEqual([]);
  });
});
