import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deactivateChild } from '../../api/enterprises';
import type { Monitor, Outlet } from '../../api/types';
import { RowActions } from '../../components/RowActions';
import { InactiveTag } from '../../components/tags';
import { formatDate } from '../../utils/time';
import { MonitorFormModal } from './MonitorFormModal';

interface Props {
  outlet: Outlet;
  editable: boolean;
  onChanged: () => void;
}

/** The data-acquisition units of one outlet; the password column appears only when the server sends it. */
export function MonitorsTable({ outlet, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Monitor | 'new' | null>(null);
  const showPassword = outlet.monitors.some((m) => typeof m.password === 'string');

  return (
    <div style={{ paddingLeft: 8 }}>
      <Table<Monitor>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={outlet.monitors}
        locale={{ emptyText: t('monitor.empty') }}
        columns={[
          {
            title: t('monitor.mn'),
            dataIndex: 'mn',
            render: (v: string, m) => (
              <>
                <Typography.Text code copyable>
                  {v}
                </Typography.Text>{' '}
                <InactiveTag active={m.active} />
              </>
            ),
          },
          ...(showPassword
            ? [
                {
                  title: t('monitor.password'),
                  dataIndex: 'password',
                  render: (v: string | null) =>
                    v ? <Typography.Text copyable={{ text: v }}>••••••</Typography.Text> : '—',
                },
              ]
            : []),
          { title: t('monitor.manufacturer'), dataIndex: 'manufacturer', render: (v) => v ?? '—' },
          { title: t('monitor.model'), dataIndex: 'model', render: (v) => v ?? '—' },
          { title: t('monitor.operator'), dataIndex: 'operatorName', render: (v) => v ?? '—' },
          {
            title: t('monitor.installedOn'),
            dataIndex: 'installedOn',
            render: (v: string | null) => formatDate(v),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  width: 140,
                  render: (_: unknown, m: Monitor) => (
                    <RowActions
                      active={m.active}
                      onEdit={() => setEditing(m)}
                      onDeactivate={() => deactivateChild('monitors', m.id)}
                      onChanged={onChanged}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && outlet.active && (
        <Button type="link" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('monitor.add')}
        </Button>
      )}
      <MonitorFormModal
        open={editing !== null}
        outletId={outlet.id}
        monitor={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={onChanged}
      />
    </div>
  );
}
