import dayjs, { type Dayjs } from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** Every time is shown in the bureau's zone, whatever the browser's zone is. */
export const ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm') : iso;
}

/** With seconds: monitoring packets arrive seconds apart. */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** "3 分钟前" in the UI language (dayjs's global locale, set with i18n); `now` for tests. */
export function formatRelative(
  iso: string | null | undefined,
  now: Date = new Date(),
  locale?: string,
): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return (locale ? d.locale(locale) : d).from(now);
}

/** Dates are calendar dates (YYYY-MM-DD): shown as they are, never shifted by a zone. */
export function formatDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : '—';
}

/** A form's DatePicker value → the contract's YYYY-MM-DD (or null when cleared). */
export function toDateString(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function fromDateString(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value.slice(0, 10)) : undefined;
}

export { dayjs };
