import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  createProblem,
  listRectification,
  PROBLEM_HANDLINGS,
  PROBLEM_STATUSES,
  PROBLEM_TYPES,
  type Problem,
  type ProblemHandling,
  type ProblemStatus,
  type ProblemType,
  type RectificationRow,
  rectificationExportUrl,
} from '../../api/ledgers';
import { useUser } from '../../auth/auth-context';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { dayjs } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { pageOf, useUrlQuery } from '../../utils/use-url-query';
import { useDistrictOptions } from '../monitoring/parts';
import { CampaignSelect, canKeepLedgers, useCampaigns } from './ledger-parts';

export const STATUS_COLORS: Record<ProblemStatus, string> = {
  open: 'orange',
  applied: 'blue',
  district_verified: 'cyan',
  closed: 'green',
};

interface NewProblemValues {
  enterpriseId: number;
  campaignId?: number;
  type: ProblemType;
  description: string;
  foundOn: Dayjs;
  handling?: ProblemHandling;
  deadlineOn?: Dayjs;
}

function NewProblemModal({
  open,
  campaignId,
  onClose,
  onSaved,
}: {
  open: boolean;
  campaignId: number | undefined;
  onClose: () => void;
  onSaved: (p: Problem) => void;
}) {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal<NewProblemValues, Problem>
      open={open}
      title={t('ledgers.newProblem')}
      testId="problem-form"
      width={640}
      initialValues={{
        foundOn: dayjs(),
        handling: 'deadline_rectification',
        ...(campaignId ? { campaignId } : {}),
      }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        createProblem({
          enterpriseId: v.enterpriseId,
          campaignId: v.campaignId ?? null,
          type: v.type,
          description: v.description,
          foundOn: v.foundOn.format('YYYY-MM-DD'),
          handling: v.handling ?? null,
          deadlineOn: v.deadlineOn ? v.deadlineOn.format('YYYY-MM-DD') : null,
        })
      }
    >
      <Form.Item name="enterpriseId" label={t('ledgers.enterprise')} rules={required}>
        <EnterpriseSelect />
      </Form.Item>
      <Form.Item name="campaignId" label={t('ledgers.campaign')}>
        <Select allowClear options={campaigns.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="type" label={t('ledgers.type')} rules={required}>
        <Select options={PROBLEM_TYPES.map((k) => ({ value: k, label: t(`ledgers.problemType.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('ledgers.description')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('validation.minLength', { n: 2 }) }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space size={16} wrap>
        <Form.Item name="foundOn" label={t('ledgers.foundOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="handling" label={t('ledgers.handling')}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={PROBLEM_HANDLINGS.map((k) => ({ value: k, label: t(`ledgers.handlingKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('ledgers.deadlineOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 附件3 工业污染源达标计划问题整改台账: one row per problem; the enterprise sees its own (我的整改问题). */
export default function RectificationLedgerPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [params, set] = useUrlQuery();
  const own = user.role === 'enterprise';
  const campaigns = useCampaigns();
  const districts = useDistrictOptions();
  const num = (k: string) => Number(params.get(k)) || undefined;
  const campaignId = num('campaignId');
  const enterpriseId = num('enterpriseId');
  const districtCode = /^\d{6}$/.test(params.get('districtCode') ?? '')
    ? params.get('districtCode')!
    : undefined;
  const status = PROBLEM_STATUSES.find((s) => s === params.get('status'));
  const type = PROBLEM_TYPES.find((s) => s === params.get('type'));
  const { page, pageSize } = pageOf(params);
  const [creating, setCreating] = useState(false);
  const filter = { campaignId, districtCode, status, type, enterpriseId };
  const { data, error, loading, reload } = useApi(
    (signal) => listRectification({ ...filter, page, pageSize }, signal),
    [campaignId, districtCode, status, type, enterpriseId, page, pageSize],
  );
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  const text = (v: string | null) => v || '';
  const columns: ColumnsType<RectificationRow> = [
    { title: t('ledgers.col.seq'), dataIndex: 'seq', width: 56, fixed: 'left' },
    {
      title: t('ledgers.group.basic'),
      children: [
        {
          title: t('ledgers.col.enterpriseName'),
          dataIndex: 'enterpriseName',
          width: 190,
          fixed: 'left',
        },
        { title: t('ledgers.col.regionCity'), dataIndex: 'regionName', width: 120 },
        {
          title: t('ledgers.col.controlLevel'),
          dataIndex: 'controlLevel',
          width: 70,
          render: (c: string) => t(`ledgers.control.${c}`, { defaultValue: c }),
        },
        { title: t('ledgers.col.industry'), dataIndex: 'industry', width: 100 },
      ],
    },
    {
      title: t('ledgers.col.screening'),
      dataIndex: 'screening',
      width: 260,
      render: (_: string, r) => (
        <Link to={`/problems/${r.id}`} data-testid="problem-link">
          <Tag>{t(`ledgers.problemType.${r.type}`)}</Tag>
          <Typography.Paragraph
            ellipsis={{ rows: 2, tooltip: r.description }}
            style={{ margin: 0, color: 'inherit' }}
          >
            {r.description}
          </Typography.Paragraph>
        </Link>
      ),
    },
    {
      title: t('ledgers.group.handling'),
      children: [
        { title: t('ledgers.col.caseDocumentNo'), dataIndex: 'caseDocumentNo', width: 140, render: text },
        {
          title: t('ledgers.col.penaltyRequirement'),
          dataIndex: 'penaltyRequirement',
          width: 140,
          render: text,
        },
        { title: t('ledgers.col.penaltyExecution'), dataIndex: 'penaltyExecution', width: 140, render: text },
        { title: t('ledgers.col.planStatus'), dataIndex: 'planStatus', width: 140, render: text },
        { title: t('ledgers.col.measures'), dataIndex: 'measures', width: 180, render: text },
        { title: t('ledgers.col.deadlineOn'), dataIndex: 'deadlineOn', width: 110, render: text },
        { title: t('ledgers.col.recheckReportNo'), dataIndex: 'recheckReportNo', width: 130, render: text },
        { title: t('ledgers.col.rectified'), dataIndex: 'rectified', width: 80 },
      ],
    },
    {
      title: t('ledgers.status'),
      dataIndex: 'status',
      width: 110,
      fixed: 'right',
      render: (s: ProblemStatus) => <Tag color={STATUS_COLORS[s]}>{t(`ledgers.problemStatus.${s}`)}</Tag>,
    },
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
            {own ? t('ledgers.myProblems') : t('ledgers.rectificationTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common.total', { count: data?.total ?? 0 })}</Typography.Text>
        </Space>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={rectificationExportUrl(filter)}
            data-testid="rectification-export"
          >
            {t('ledgers.exportExcel')}
          </Button>
          {canKeepLedgers(user) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="problem-create"
            >
              {t('ledgers.newProblem')}
            </Button>
          )}
        </Space>
      </Space>
      <Space wrap size={[12, 12]} style={{ display: 'flex', marginBottom: 16 }}>
        <CampaignSelect
          campaigns={campaigns}
          value={campaignId}
          allowClear
          onChange={(v) => set({ campaignId: v, page: undefined })}
        />
        {districts && !own && (
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
        <Select
          allowClear
          placeholder={t('ledgers.status')}
          style={{ width: 140 }}
          value={status}
          options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`ledgers.problemStatus.${s}`) }))}
          onChange={(v: string | undefined) => set({ status: v, page: undefined })}
          data-testid="filter-problem-status"
        />
        <Select
          allowClear
          placeholder={t('ledgers.type')}
          style={{ width: 220 }}
          value={type}
          options={PROBLEM_TYPES.map((s) => ({ value: s, label: t(`ledgers.problemType.${s}`) }))}
          onChange={(v: string | undefined) => set({ type: v, page: undefined })}
        />
        {enterpriseId && (
          <Tag closable onClose={() => set({ enterpriseId: undefined, page: undefined })}>
            {data?.items[0]?.enterpriseName ?? `#${enterpriseId}`}
          </Tag>
        )}
      </Space>
      <Table<RectificationRow>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 2200 }}
        locale={{ emptyText: t('ledgers.empty') }}
        onRow={() => ({ 'data-testid': 'problem-row' }) as object}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => set({ page: s !== pageSize ? undefined : p, pageSize: s }),
        }}
      />
      <NewProblemModal
        open={creating}
        campaignId={campaignId}
        onClose={() => setCreating(false)}
        onSaved={(p) => navigate(`/problems/${p.id}`)}
      />
    </Card>
  );
}
