// My to-dos (G2): every dated obligation of the signed-in user. Shapes from apps/server/src/todos.
import { api } from './client';

export type TodoState = 'open' | 'due-soon' | 'overdue';
export type TodoKind =
  | 'alarm_sheet'
  | 'self_check_submit'
  | 'self_check_review'
  | 'sign_off_verify'
  | 'problem_deadline'
  | 'problem_follow_up'
  | 'report_due'
  | 'review_assignment'
  | 'campaign_phase';

export interface Todo {
  key: string;
  kind: TodoKind;
  title: string;
  link: string;
  dueAt: string;
  dueDate: string;
  state: TodoState;
  overdueWorkingDays?: number;
  provisional: boolean;
}

export type TodoSummary = { total: number } & Record<TodoState, number>;

export const listTodos = (signal?: AbortSignal) =>
  api<{ items: Todo[]; now: string }>('/todos', signal ? { signal } : {});

export const todoSummary = (signal?: AbortSignal) =>
  api<TodoSummary>('/todos/summary', signal ? { signal } : {});
