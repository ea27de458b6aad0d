/**
 * 限期整改通知书 (L4): the period rule of seed 003 二(一)2 ("整改期限原则上为三个月至一年") and the
 * notice number, "益赫环限改〔2026〕3号": the issuing district's short prefix, the year, the year's sequence.
 */
import type { WorkCalendar } from '../deadlines/calendar';
import { type DateText, startOfShanghaiDay } from '../deadlines/date-text';
import { computeDue, type Due } from '../deadlines/rules';

export const RECTIFICATION_MIN_MONTHS = 3;
export const RECTIFICATION_MAX_MONTHS = 12;
export const RECTIFICATION_PERIOD_CLAUSE = '003 二(一)2：整改期限原则上为三个月至一年';

/** Whether `months` is a rectification period the notice may set (an integer 3..12). */
export function isRectificationPeriod(months: number): boolean {
  return Number.isInteger(months) && months >= RECTIFICATION_MIN_MONTHS && months <= RECTIFICATION_MAX_MONTHS;
}

/** The due date of a notice issued on `issuedOn` with `months`: same day n months later, rolled to a working day. */
export function rectificationDue(issuedOn: DateText, months: number, calendar: WorkCalendar): Due {
  if (!isRectificationPeriod(months))
    throw new RangeError(`rectification period must be 3..12 months, got ${months}`);
  return computeDue(
    { kind: 'months', n: months, rollToWorkingDay: true },
    startOfShanghaiDay(issuedOn),
    calendar,
  );
}

/** Short prefixes of Yiyang's district bureaus for document numbers (赫山 → 益赫). */
const DISTRICT_PREFIX: Readonly<Record<string, string>> = {
  '430902': '益资',
  '430903': '益赫',
  '430921': '南',
  '430922': '桃',
  '430923': '安',
  '430971': '益通',
  '430972': '益高',
  '430981': '沅',
};

/** The prefix of a district's documents: the table above, else the first two characters of its name. */
export function districtDocPrefix(districtCode: string, districtName: string): string {
  return DISTRICT_PREFIX[districtCode] ?? districtName.replace(/^益阳市/, '').slice(0, 2);
}

/** "益赫环限改〔2026〕3号". */
export function rectificationNoticeNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}环限改〔${year}〕${seq}号`;
}

/** "2027年2月23日" from '2027-02-23'. */
export function chineseDate(date: DateText): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
