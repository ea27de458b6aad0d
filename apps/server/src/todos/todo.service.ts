import type { DeadlineState } from '@dabiao/domain';
import type { DbOrTrx } from '../platform/db/database';
import { collectTodos } from './todo.collect';
import { byDue, isFor, present, type TodoItem, type TodoUser } from './todo.rules';

/** The signed-in user's to-dos at `now`: only obligations addressed to them, sorted by due. */
export async function todosFor(db: DbOrTrx, user: TodoUser, now: Date): Promise<TodoItem[]> {
  const raw = await collectTodos(db, now, user);
  const seen = new Set<string>();
  const out: TodoItem[] = [];
  for (const t of raw) {
    if (seen.has(t.key) || !t.audiences.some((a) => isFor(user, a))) continue;
    seen.add(t.key);
    out.push(present(t, now));
  }
  return out.sort(byDue);
}

export function summarize(items: readonly TodoItem[]): { total: number } & Record<DeadlineState, number> {
  const count = (s: DeadlineState) => items.filter((i) => i.state === s).length;
  return {
    total: items.length,
    open: count('open'),
    'due-soon': count('due-soon'),
    overdue: count('overdue'),
  };
}
