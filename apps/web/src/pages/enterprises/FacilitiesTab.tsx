import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deactivateChild } from '../../api/enterprises';
import type { EnterpriseDetail, Facility } from '../../api/types';
import { RowActions } from '../../components/RowActions';
import { InactiveTag } from '../../components/tags';
import { FacilityFormModal } from './FacilityFormModal';

interface Props {
  enterprise: EnterpriseDetail;
  editable: boolean;
  onChanged: () => void;
}

export function FacilitiesTab({ enterprise, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const outletName = (id: number | null) => {
    const o = enterprise.outlets.find((x) => x.id === id);
    return o ? `${o.code} ${o.name}` : '—';
  };

  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('facility.add')}
        </Button>
      )}
      <Table<Facility>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={enterprise.facilities}
        locale={{ emptyText: <Empty description={t('facility.empty')} /> }}
        columns={[
          {
            title: t('facility.name'),
            dataIndex: 'name',
            render: (v: string, f) => (
              <>
                {v} <InactiveTag active={f.active} />
              </>
            ),
          },
          { title: t('facility.process'), dataIndex: 'process', render: (v) => v ?? '—' },
          { title: t('facility.capacity'), dataIndex: 'capacity', render: (v) => v ?? '—' },
          {
            title: t('facility.feasibleTechnology'),
            dataIndex: 'feasibleTechnology',
            render: (v: boolean | null) =>
              v === null ? (
                '—'
              ) : (
                <Tag color={v ? 'green' : 'orange'}>{v ? t('common.yes') : t('common.no')}</Tag>
              ),
          },
          { title: t('facility.outlet'), render: (_, f) => outletName(f.outletId) },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  width: 140,
                  render: (_: unknown, f: Facility) => (
                    <RowActions
                      active={f.active}
                      onEdit={() => setEditing(f)}
                      onDeactivate={() => deactivateChild('facilities', f.id)}
                      onChanged={onChanged}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <FacilityFormModal
        open={editing !== null}
        enterpriseId={enterprise.id}
        outlets={enterprise.outlets.filter((o) => o.active)}
        facility={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={onChanged}
      />
    </>
  );
}
