import { LineChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deactivateChild } from '../../api/enterprises';
import type { EnterpriseDetail, Outlet } from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { RowActions } from '../../components/RowActions';
import { InactiveTag } from '../../components/tags';
import { MonitorsTable } from './MonitorsTable';
import { OutletFormModal } from './OutletFormModal';

interface Props {
  enterprise: EnterpriseDetail;
  editable: boolean;
  onChanged: () => void;
}

const num = (v: number | null, unit = '') => (v === null || v === undefined ? '—' : `${v}${unit}`);

export function OutletsTab({ enterprise, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const { label } = useDictionaries();
  const [editing, setEditing] = useState<Outlet | 'new' | null>(null);

  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('outlet.add')}
        </Button>
      )}
      <Table<Outlet>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={enterprise.outlets}
        locale={{ emptyText: <Empty description={t('outlet.empty')} /> }}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (o) => <MonitorsTable outlet={o} editable={editable} onChanged={onChanged} />,
        }}
        columns={[
          {
            title: t('outlet.code'),
            dataIndex: 'code',
            render: (v: string, o) => (
              <>
                {v} <InactiveTag active={o.active} />
              </>
            ),
          },
          { title: t('outlet.name'), dataIndex: 'name' },
          { title: t('outlet.kind'), dataIndex: 'kind', render: (v: string) => t(`outletKind.${v}`) },
          { title: t('outlet.stackHeightM'), render: (_, o) => num(o.stackHeightM) },
          { title: t('outlet.referenceO2'), render: (_, o) => num(o.referenceO2) },
          {
            title: t('outlet.pollutants'),
            render: (_, o) =>
              o.pollutants.length === 0
                ? '—'
                : o.pollutants.map((p) => <Tag key={p}>{label('pollutants', p)}</Tag>),
          },
          { title: t('outlet.monitors'), render: (_, o) => o.monitors.filter((m) => m.active).length },
          {
            title: t('monitoring.group'),
            width: 110,
            render: (_, o) =>
              o.monitors.length > 0 ? (
                <Link to={`/monitoring/outlets/${o.id}`} data-testid="outlet-monitoring-link">
                  <LineChartOutlined /> {t('monitoring.common.openOutlet')}
                </Link>
              ) : (
                '—'
              ),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  width: 140,
                  render: (_: unknown, o: Outlet) => (
                    <RowActions
                      active={o.active}
                      onEdit={() => setEditing(o)}
                      onDeactivate={() => deactivateChild('outlets', o.id)}
                      onChanged={onChanged}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <OutletFormModal
        open={editing !== null}
        enterpriseId={enterprise.id}
        outlet={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={onChanged}
      />
    </>
  );
}
