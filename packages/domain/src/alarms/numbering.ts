/**
 * Document numbers: `BJ-430903-20261123-0007` for an alarm sheet (报警), `DB-430903-20261124-0001`
 * for a supervision notice (督办): district code, Asia/Shanghai date, 4-digit sequence of that
 * district and day (the caller keeps the counter).
 */
import { shanghaiDateText } from '../deadlines/date-text';

function documentNumber(prefix: string, districtCode: string, at: Date, seq: number): string {
  if (!/^\d{6}$/.test(districtCode))
    throw new RangeError(`district code must be 6 digits, got ${districtCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) {
    throw new RangeError(`sequence must be an integer in 1..9999, got ${seq}`);
  }
  const day = shanghaiDateText(at).replaceAll('-', '');
  return `${prefix}-${districtCode}-${day}-${String(seq).padStart(4, '0')}`;
}

export function sheetNumber(districtCode: string, dispatchedAt: Date, seq: number): string {
  return documentNumber('BJ', districtCode, dispatchedAt, seq);
}

export function supervisionNumber(districtCode: string, at: Date, seq: number): string {
  return documentNumber('DB', districtCode, at, seq);
}
