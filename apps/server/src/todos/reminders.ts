import { sendFollowUpReminders } from '../ledgers/follow-up';
import type { Db } from '../platform/db/database';
import { collectTodos } from './todo.collect';
import { isFor, present, type TodoUser } from './todo.rules';

export const DUE_SOON_KIND = 'todo_due_soon';
export const OVERDUE_KIND = 'todo_overdue';

/**
 * One inbox notification (with the to-do's link) per user and to-do when it becomes due soon and
 * again when it becomes overdue. Idempotent: every to-do's link names the item (sheet, problem,
 * report period, month …), and a user already notified of a link with that kind is not notified again,
 * so a run every minute sends each reminder once. Returns how many notifications were written.
 */
export async function sendDueReminders(db: Db, now: Date): Promise<number> {
  const raw = await collectTodos(db, now, 'all');
  if (!raw.length) return 0;
  const users: TodoUser[] = (
    await db
      .selectFrom('app_user')
      .select(['id', 'role', 'region_code', 'enterprise_id', 'operator_id'])
      .where('active', '=', true)
      .where('role', 'in', ['admin', 'city', 'district', 'enterprise', 'operator', 'expert'])
      .orderBy('id')
      .execute()
  ).map((u) => ({
    id: u.id,
    role: u.role,
    regionCode: u.region_code,
    enterpriseId: u.enterprise_id,
    operatorId: u.operator_id,
  }));
  const wanted = new Map<string, { user_id: number; kind: string; title: string; link: string }>();
  for (const t of raw) {
    const item = present(t, now);
    if (item.state === 'open') continue;
    const kind = item.state === 'overdue' ? OVERDUE_KIND : DUE_SOON_KIND;
    const title =
      item.state === 'overdue'
        ? `已逾期${item.overdueWorkingDays ? `${item.overdueWorkingDays}个工作日` : ''}：${item.title}`
        : `即将到期（${item.dueDate}）：${item.title}`;
    for (const u of users) {
      if (!t.audiences.some((a) => isFor(u, a))) continue;
      wanted.set(`${u.id} ${kind} ${item.link}`, { user_id: u.id, kind, title, link: item.link });
    }
  }
  if (!wanted.size) return 0;
  return db.transaction().execute(async (trx) => {
    const sent = await trx
      .selectFrom('notification')
      .select(['user_id', 'kind', 'link'])
      .where('kind', 'in', [DUE_SOON_KIND, OVERDUE_KIND])
      .where('user_id', 'in', [...new Set([...wanted.values()].map((w) => w.user_id))])
      .execute();
    for (const s of sent) wanted.delete(`${s.user_id} ${s.kind} ${s.link}`);
    const rows = [...wanted.values()].map((w) => ({ ...w, created_at: now }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('notification')
        .values(rows.slice(i, i + 500))
        .execute();
    return rows.length;
  });
}

/**
 * Runs `sendDueReminders` now and every `intervalMs` (runs never overlap); returns a function that
 * stops the loop and resolves once a run in progress has finished. Errors go to `onError` (default
 * console.error) and the loop goes on.
 */
export function startReminderLoop(
  db: Db,
  options: { intervalMs: number; now?: () => Date; onError?: (e: unknown) => void },
): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((e: unknown) => console.error('todo reminders failed', e));
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (stopped || running) return;
    const at = now();
    // Due-soon/overdue to-dos, then the monthly follow-up of open problems (004 三(三)4).
    running = sendDueReminders(db, at)
      .then(() => sendFollowUpReminders(db, at))
      .then(
        () => undefined,
        (e: unknown) => onError(e),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref?.();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
