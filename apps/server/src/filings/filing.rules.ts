import type { FieldError } from '../platform/errors/app-error';

/** "In advance": a filing must start at least this long after it is submitted. */
export const FILING_MIN_LEAD_MS = 60 * 60 * 1000;
/** The longest window one filing may cover. */
export const FILING_MAX_DAYS = 30;

/** Checks a window against the filing rules; `now` is when it is submitted. */
export function checkFilingWindow(startsAt: Date, endsAt: Date, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (startsAt.getTime() < now.getTime() + FILING_MIN_LEAD_MS) {
    const hours = FILING_MIN_LEAD_MS / 3_600_000;
    errors.push({
      path: '/startsAt',
      message: `须提前报备：开始时间至少晚于现在 ${hours} 小时`,
      code: 'TOO_EARLY',
    });
  }
  if (endsAt.getTime() <= startsAt.getTime()) {
    errors.push({ path: '/endsAt', message: '结束时间须晚于开始时间', code: 'BEFORE_START' });
  } else if (endsAt.getTime() - startsAt.getTime() > FILING_MAX_DAYS * 86_400_000) {
    errors.push({ path: '/endsAt', message: `报备时段最长 ${FILING_MAX_DAYS} 天`, code: 'TOO_LONG' });
  }
  return errors;
}
