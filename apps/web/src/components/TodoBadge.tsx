import { Badge } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todoSummary } from '../api/todos';

const REFRESH_MS = 5 * 60_000;

/** 我的待办's count in the menu: what is overdue (red) or due soon; refreshed every five minutes. */
export function TodoBadge() {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<{ overdue: number; dueSoon: number } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      todoSummary(controller.signal).then(
        (s) => setCounts({ overdue: s.overdue, dueSoon: s['due-soon'] }),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, []);
  if (!counts || counts.overdue + counts.dueSoon === 0) return null;
  return (
    <Badge
      data-testid="todo-badge"
      size="small"
      count={counts.overdue + counts.dueSoon}
      color={counts.overdue ? '#ff4d4f' : '#faad14'}
      title={t('todos.badge', { overdue: counts.overdue, dueSoon: counts.dueSoon })}
      style={{ marginInlineStart: 8 }}
    />
  );
}
