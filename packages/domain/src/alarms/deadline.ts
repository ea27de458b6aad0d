/**
 * The 24-hour response (004: 各县（市）区环保（分）局要在24小时内依法依规核实处理并反馈市局).
 * Clock hours, holidays included. `deadlineAt` is the first late instant: a sheet dispatched at
 * 08:00 is answered on time up to 07:59:59.999 the next day and is overdue from 08:00:00.000.
 * (Unlike `deadlineStatus` in ../deadlines, whose due instant is the last one on time.)
 */
import type { SheetFacts } from './types';

export const RESPONSE_HOURS = 24;

const ANSWERED: ReadonlySet<SheetFacts['state']> = new Set(['concluded', 'closed']);

/** dispatchedAt + 24 h exactly. */
export function responseDeadline(dispatchedAt: Date): Date {
  const t = dispatchedAt.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  return new Date(t + RESPONSE_HOURS * 3_600_000);
}

/** Not yet concluded/closed and `now` >= deadlineAt (exactly at 24 h counts as overdue). */
export function isOverdue(sheet: Pick<SheetFacts, 'state' | 'deadlineAt'>, now: Date): boolean {
  return !ANSWERED.has(sheet.state) && now.getTime() >= sheet.deadlineAt.getTime();
}

/** Overdue and not yet escalated (督办): the caller escalates and stores escalatedAt. */
export function shouldEscalate(
  sheet: Pick<SheetFacts, 'state' | 'deadlineAt' | 'escalatedAt'>,
  now: Date,
): boolean {
  return sheet.escalatedAt === null && isOverdue(sheet, now);
}

/**
 * Response outcome of a sheet: answered before deadlineAt → on_time, at or after it → late; not
 * answered (respondedAt null) → overdue from deadlineAt on, else pending.
 */
export function responseOutcome(
  deadlineAt: Date,
  respondedAt: Date | null,
  now: Date,
): 'on_time' | 'late' | 'pending' | 'overdue' {
  const deadline = deadlineAt.getTime();
  if (respondedAt !== null) return respondedAt.getTime() < deadline ? 'on_time' : 'late';
  return now.getTime() >= deadline ? 'overdue' : 'pending';
}
