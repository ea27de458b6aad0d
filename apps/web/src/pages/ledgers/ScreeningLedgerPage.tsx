import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listScreening, putScreening, type ScreeningRow, screeningExportUrl } from '../../api/ledgers';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { useApi } from '../../utils/use-api';
import { pageOf, useUrlQuery } from '../../utils/use-url-query';
import { useDistrictOptions } from '../monitoring/parts';
import { CampaignSelect, canKeepLedgers, useCampaigns, yesNoText } from './ledger-parts';

interface EditValues {
  monitoringReportNo?: string;
  exceeded?: 'yes' | 'no' | 'unknown';
  exceedReason?: string;
  onlineExceedReason?: string;
  notes?: string;
}

function EditModal({
  row,
  onClose,
  onSaved,
}: {
  row: ScreeningRow | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<EditValues>
      open={row !== null}
      title={row ? t('ledgers.editScreening', { name: row.enterpriseName }) : ''}
      testId="screening-form"
      initialValues={
        row
          ? {
              monitoringReportNo: row.monitoringReportNo ?? '',
              exceeded: row.exceeded === true ? 'yes' : row.exceeded === false ? 'no' : 'unknown',
              exceedReason: row.exceedReason ?? '',
              onlineExceedReason: row.onlineExceedReason ?? '',
              notes: row.notes ?? '',
            }
          : {}
      }
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        putScreening(row!.campaignId, row!.enterpriseId, {
          monitoringReportNo: v.monitoringReportNo?.trim() || null,
          exceeded: v.exceeded === 'yes' ? true : v.exceeded === 'no' ? false : null,
          exceedReason: v.exceeded === 'no' ? null : v.exceedReason?.trim() || null,
          onlineExceedReason: v.onlineExceedReason?.trim() || null,
          notes: v.notes?.trim() || null,
          version: row!.version,
        })
      }
    >
      <Form.Item name="monitoringReportNo" label={t('ledgers.col.monitoringReportNo')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="exceeded" label={t('ledgers.col.exceeded')}>
        <Radio.Group
          options={[
            { value: 'yes', label: t('ledgers.yes') },
            { value: 'no', label: t('ledgers.no') },
            { value: 'unknown', label: t('common.none') },
          ]}
        />
      </Form.Item>
      <Form.Item name="exceedReason" label={t('ledgers.col.exceedReason')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="onlineExceedReason" label={t('ledgers.col.onlineExceedReason')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="notes" label={t('ledgers.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 附件1 工业污染源达标计划排查台账: one row per enterprise of the campaign, grouped headers as the seed has them. */
export default function ScreeningLedgerPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, set] = useUrlQuery();
  const campaigns = useCampaigns();
  const campaignId = Number(params.get('campaignId')) || undefined;
  const districtCode = /^\d{6}$/.test(params.get('districtCode') ?? '')
    ? params.get('districtCode')!
    : undefined;
  const { page, pageSize } = pageOf(params);
  const districts = useDistrictOptions();
  const [editing, setEditing] = useState<ScreeningRow | null>(null);
  const { data, error, loading, reload } = useApi(
    (signal) =>
      campaignId
        ? listScreening({ campaignId, districtCode, page, pageSize }, signal)
        : Promise.resolve({ items: [] as ScreeningRow[], total: 0, page: 1, pageSize }),
    [campaignId, districtCode, page, pageSize],
  );
  const onCampaign = useCallback((id: number | undefined) => set({ campaignId: id, page: undefined }), [set]);
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  const text = (v: string | null) => v || '';
  const columns: ColumnsType<ScreeningRow> = [
    { title: t('ledgers.col.seq'), dataIndex: 'seq', width: 56, fixed: 'left' },
    {
      title: t('ledgers.group.basic'),
      children: [
        {
          title: t('ledgers.col.enterpriseName'),
          dataIndex: 'enterpriseName',
          width: 200,
          fixed: 'left',
          render: (name: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link>,
        },
        { title: t('ledgers.col.regionName'), dataIndex: 'regionName', width: 120 },
        { title: t('ledgers.col.industry'), dataIndex: 'industry', width: 100 },
        {
          title: t('ledgers.col.controlLevel'),
          dataIndex: 'controlLevel',
          width: 70,
          render: (c: string) => t(`ledgers.control.${c}`, { defaultValue: c }),
        },
      ],
    },
    {
      title: t('ledgers.group.screening'),
      children: [
        { title: t('ledgers.col.permitSummary'), dataIndex: 'permitSummary', width: 280 },
        { title: t('ledgers.col.problemTypes'), dataIndex: 'problemTypes', width: 160 },
        {
          title: t('ledgers.col.monitoringReportNo'),
          dataIndex: 'monitoringReportNo',
          width: 130,
          render: text,
        },
        {
          title: t('ledgers.col.exceeded'),
          dataIndex: 'exceeded',
          width: 70,
          render: (v: boolean | null) => yesNoText(t, v),
        },
        { title: t('ledgers.col.exceedReason'), dataIndex: 'exceedReason', width: 150, render: text },
      ],
    },
    {
      title: t('ledgers.group.handling'),
      children: [
        { title: t('ledgers.col.onlineMonitoring'), dataIndex: 'onlineMonitoring', width: 240 },
        {
          title: t('ledgers.col.onlineExceeded'),
          dataIndex: 'onlineExceeded',
          width: 80,
          render: (v: boolean) => yesNoText(t, v),
        },
        {
          title: t('ledgers.col.onlineExceedReason'),
          dataIndex: 'onlineExceedReason',
          width: 150,
          render: text,
        },
        { title: t('ledgers.col.caseDocuments'), dataIndex: 'caseDocuments', width: 160 },
        {
          title: t('ledgers.col.rectified'),
          dataIndex: 'rectified',
          width: 80,
          render: (v: boolean | null, r) =>
            r.problemCount ? (
              <Link to={`/ledgers/rectification?enterpriseId=${r.enterpriseId}`}>{yesNoText(t, v)}</Link>
            ) : (
              ''
            ),
        },
      ],
    },
    ...(canKeepLedgers(user)
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 70,
            fixed: 'right' as const,
            render: (_: unknown, r: ScreeningRow) => (
              <Button size="small" type="link" onClick={() => setEditing(r)} data-testid="screening-edit">
                {t('ledgers.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <Space
        align="baseline"
        style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}
        wrap
      >
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('ledgers.screeningTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common.total', { count: data?.total ?? 0 })}</Typography.Text>
        </Space>
        <Button
          icon={<DownloadOutlined />}
          disabled={!campaignId}
          href={campaignId ? screeningExportUrl({ campaignId, districtCode }) : undefined}
          data-testid="screening-export"
        >
          {t('ledgers.exportExcel')}
        </Button>
      </Space>
      <Space wrap size={[12, 12]} style={{ display: 'flex', marginBottom: 16 }}>
        <CampaignSelect campaigns={campaigns} value={campaignId} onChange={onCampaign} />
        {districts && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('ledgers.district')}
            style={{ width: 150 }}
            value={districtCode}
            options={districts}
            onChange={(v: string | undefined) => set({ districtCode: v, page: undefined })}
          />
        )}
      </Space>
      <Table<ScreeningRow>
        rowKey="enterpriseId"
        size="small"
        bordered
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 2300 }}
        locale={{ emptyText: t('ledgers.empty') }}
        onRow={() => ({ 'data-testid': 'screening-row' }) as object}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => set({ page: s !== pageSize ? undefined : p, pageSize: s }),
        }}
      />
      <EditModal row={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </Card>
  );
}
