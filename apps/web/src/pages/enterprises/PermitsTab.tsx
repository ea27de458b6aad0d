import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deactivateChild } from '../../api/enterprises';
import type { EnterpriseDetail, Permit } from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { RowActions } from '../../components/RowActions';
import { InactiveTag } from '../../components/tags';
import { formatDate } from '../../utils/time';
import { PermitFormModal } from './PermitFormModal';
import { PermitLimitsModal } from './PermitLimitsModal';

interface Props {
  enterprise: EnterpriseDetail;
  editable: boolean;
  onChanged: () => void;
}

export function PermitsTab({ enterprise, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const { label } = useDictionaries();
  const [editing, setEditing] = useState<Permit | 'new' | null>(null);
  const [limitsOf, setLimitsOf] = useState<Permit | null>(null);

  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('permit.add')}
        </Button>
      )}
      <Table<Permit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={enterprise.permits}
        locale={{ emptyText: <Empty description={t('permit.empty')} /> }}
        columns={[
          {
            title: t('permit.number'),
            dataIndex: 'number',
            render: (v: string, p) => (
              <>
                {v} <InactiveTag active={p.active} />
              </>
            ),
          },
          {
            title: t('permit.managementClass'),
            dataIndex: 'managementClass',
            width: 110,
            render: (v: string) => t(`managementClass.${v}`),
          },
          {
            title: t('permit.validity'),
            width: 210,
            render: (_, p) => `${formatDate(p.validFrom)} ~ ${formatDate(p.validTo)}`,
          },
          {
            title: t('permit.executionReportDuty'),
            dataIndex: 'executionReportDuty',
            render: (v) => v ?? '—',
          },
          {
            title: t('permit.pollutants'),
            render: (_, p) =>
              p.pollutants.length === 0
                ? '—'
                : p.pollutants.map((x) => (
                    <Tag key={x.pollutantCode}>
                      {label('pollutants', x.pollutantCode)}
                      {x.annualTotalT !== null ? ` ${x.annualTotalT} t/a` : ''}
                    </Tag>
                  )),
          },
          {
            title: t('permitLimit.column'),
            width: 120,
            render: (_, p) => (
              <Button
                type="link"
                size="small"
                onClick={() => setLimitsOf(p)}
                data-testid="permit-limits-button"
              >
                {editable ? t('permitLimit.edit') : t('permitLimit.view')}
              </Button>
            ),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  width: 140,
                  render: (_: unknown, p: Permit) => (
                    <RowActions
                      active={p.active}
                      onEdit={() => setEditing(p)}
                      onDeactivate={() => deactivateChild('permits', p.id)}
                      onChanged={onChanged}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <PermitFormModal
        open={editing !== null}
        enterpriseId={enterprise.id}
        permit={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={onChanged}
      />
      <PermitLimitsModal
        permit={limitsOf}
        outlets={enterprise.outlets}
        editable={editable}
        onClose={() => setLimitsOf(null)}
      />
    </>
  );
}
