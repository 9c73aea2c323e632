// The care activity catalogue lives in packages/contracts (care-catalogue), where the zod enum and the
// SPA's labels read it; the rules look entries up here.
import { ACTIVITY_TYPES, ACTIVITY_TYPE_CODES, type ActivityType, type ActivityTypeCode } from '@guanai/contracts';

export { ACTIVITY_TYPES, ACTIVITY_TYPE_CODES, type ActivityType, type ActivityTypeCode };

const BY_CODE = new Map<string, ActivityType>(ACTIVITY_TYPES.map((t) => [t.code, t]));

export function isActivityTypeCode(code: string): code is ActivityTypeCode {
  return BY_CODE.has(code);
}

/** The catalogue entry of a code; throws a RangeError for an unknown code (a programming error). */
export function activityType(code: ActivityTypeCode): ActivityType {
  const t = BY_CODE.get(code);
  if (!t) throw new RangeError(`unknown activity type: ${JSON.stringify(code)}`);
  return t;
}
