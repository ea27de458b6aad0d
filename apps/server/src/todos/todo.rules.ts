import {
  chinaWorkCalendar,
  type DeadlineState,
  deadlineStatus,
  shanghaiDateText,
  workingDaysBetween,
} from '@dabiao/domain';
import { regionContains } from '../platform/auth/principal';

/** Every kind of dated obligation the to-do list shows. */
export const TODO_KINDS = [
  'alarm_sheet',
  'self_check_submit',
  'self_check_review',
  'sign_off_verify',
  'problem_deadline',
  'problem_follow_up',
  'report_due',
  'review_assignment',
  'campaign_phase',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long before its due instant each kind of to-do turns "due soon" (and its reminder goes out):
 * the 24-hour alarm response 4 hours ahead, a monthly check or report a few days ahead, a form or a
 * rectification deadline a week ahead.
 */
export const REMIND_BEFORE: Readonly<Record<TodoKind, number>> = {
  alarm_sheet: 4 * HOUR,
  self_check_submit: 7 * DAY,
  self_check_review: 1 * DAY,
  sign_off_verify: 1 * DAY,
  problem_deadline: 7 * DAY,
  problem_follow_up: 5 * DAY,
  report_due: 3 * DAY,
  review_assignment: 2 * DAY,
  campaign_phase: 7 * DAY,
};

/**
 * Review periods the seeds leave to the city (no clause gives one): a submitted self-check form and a
 * sign-off application are to be handled within this many working days (workingDays rule).
 */
export const REVIEW_WORKING_DAYS = 5;

/** Who an obligation is for. */
export type Audience =
  | { kind: 'district'; regionCode: string }
  | { kind: 'city' }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'operator'; operatorId: number }
  | { kind: 'user'; userId: number };

export interface TodoUser {
  id: number;
  role: string;
  regionCode: string;
  enterpriseId: number | null;
  operatorId: number | null;
}

export interface RawTodo {
  /** Stable key of the obligation (a reminder is sent once per key and state). */
  key: string;
  kind: TodoKind;
  title: string;
  link: string;
  dueAt: Date;
  provisional: boolean;
  audiences: Audience[];
}

export interface TodoItem {
  key: string;
  kind: TodoKind;
  title: string;
  link: string;
  dueAt: string;
  /** The due day in Asia/Shanghai. */
  dueDate: string;
  state: DeadlineState;
  overdueWorkingDays?: number;
  provisional: boolean;
}

/** Does `user` belong to `audience`? (admin stands in for the city.) */
export function isFor(user: TodoUser, audience: Audience): boolean {
  switch (audience.kind) {
    case 'district':
      return user.role === 'district' && regionContains(user.regionCode, audience.regionCode);
    case 'city':
      return user.role === 'city' || user.role === 'admin';
    case 'enterprise':
      return user.role === 'enterprise' && user.enterpriseId === audience.enterpriseId;
    case 'operator':
      return user.role === 'operator' && user.operatorId === audience.operatorId;
    case 'user':
      return user.id === audience.userId;
  }
}

/** The to-do as shown at `now`: its state by the deadline engine, lateness in working days. */
export function present(t: RawTodo, now: Date): TodoItem {
  const s = deadlineStatus(t.dueAt, now, { remindBefore: REMIND_BEFORE[t.kind] });
  return {
    key: t.key,
    kind: t.kind,
    title: t.title,
    link: t.link,
    dueAt: t.dueAt.toISOString(),
    dueDate: shanghaiDateText(t.dueAt),
    state: s.state,
    ...(s.state === 'overdue'
      ? { overdueWorkingDays: workingDaysBetween(t.dueAt, now, chinaWorkCalendar) }
      : {}),
    provisional: t.provisional,
  };
}

/** Sorted by due instant, then key. */
export const byDue = (a: TodoItem, b: TodoItem) =>
  a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key);
