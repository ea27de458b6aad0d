import { Empty, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { getHistory } from '../../api/enterprises';
import type { AuditEntry } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { diffSnapshots, displayValue } from './history-diff';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  deactivate: 'red',
  activate: 'cyan',
  import: 'purple',
};

/** The audit log of the enterprise and its children, newest first: who, when, what, before and after. */
export function HistoryTab({ enterpriseId }: { enterpriseId: number }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi(
    (signal) => getHistory(enterpriseId, signal),
    [enterpriseId],
  );
  if (error) return <ErrorState error={error} onRetry={reload} />;

  const known = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback);
  const fieldLabel = (entity: string, field: string) => {
    for (const scope of [entity, 'enterprise', 'outlet', 'permit', 'monitor', 'facility']) {
      if (i18n.exists(`${scope}.${field}`)) return t(`${scope}.${field}`);
    }
    return field;
  };

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('history.empty')} /> }}
      data-testid="history-table"
      onRow={() => ({ 'data-testid': 'history-row' }) as HTMLAttributes<HTMLTableRowElement>}
      columns={[
        { title: t('history.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
        { title: t('history.actor'), dataIndex: 'actorName', width: 120 },
        {
          title: t('history.action'),
          width: 160,
          render: (_, e) => {
            const action = e.action.split('.').pop() ?? e.action;
            return (
              <>
                <Tag color={ACTION_COLORS[action] ?? 'default'}>
                  {known(`history.actions.${action}`, e.action)}
                </Tag>
                {known(`history.entities.${e.entity}`, e.entity)}
              </>
            );
          },
        },
        {
          title: t('history.changes'),
          render: (_, e) => {
            const changes = diffSnapshots(e.before, e.after);
            if (changes.length === 0) return '—';
            return changes.map((c) => (
              <div key={c.field}>
                <Typography.Text strong>{fieldLabel(e.entity, c.field)}</Typography.Text>
                {'：'}
                {e.before ? (
                  <>
                    <Typography.Text delete type="secondary">
                      {displayValue(c.before)}
                    </Typography.Text>
                    {' → '}
                  </>
                ) : null}
                <Typography.Text>{displayValue(c.after)}</Typography.Text>
              </div>
            ));
          },
        },
      ]}
    />
  );
}
