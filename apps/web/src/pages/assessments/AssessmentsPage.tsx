import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  type AssessmentCreate,
  type AssessmentKind,
  type AssessmentScope,
  type AssessmentSummary,
  createAssessment,
  listAssessments,
} from '../../api/assessments';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useUser } from '../../auth/auth-context';
import { useDictionaries } from '../../components/DictionaryProvider';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { useRegions } from '../../components/use-regions';
import { formatDate, formatDateTime, toDateString } from '../../utils/time';
import { useApi } from '../../utils/use-api';

interface FormValues {
  kind: AssessmentKind;
  scope: AssessmentScope;
  regionCode: string;
  industry?: string;
  campaignId: number;
  period: [Dayjs, Dayjs];
}

const WRITERS = new Set(['admin', 'city', 'district']);

function GenerateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { options } = useDictionaries();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const scope = Form.useWatch('scope', form);
  const districts = useRegions({ level: 'district' });
  const campaigns = useApi(
    (signal) => api<Page<{ id: number; name: string }>>('/campaigns', { query: { pageSize: 200 }, signal }),
    [],
  );
  const cityLike = user.role !== 'district';
  const regionOptions = [
    ...(cityLike ? [{ value: user.regionCode, label: user.regionName ?? user.regionCode }] : []),
    ...districts
      .filter((d) => d.code.startsWith(user.regionCode.replace(/(00)+$/, '')))
      .map((d) => ({ value: d.code, label: d.name })),
  ];

  const submit = async () => {
    const v = await form.validateFields();
    const body: AssessmentCreate = {
      kind: v.kind,
      scope: v.scope,
      regionCode: v.regionCode,
      campaignId: v.campaignId,
      periodFrom: toDateString(v.period[0]) ?? '',
      periodTo: toDateString(v.period[1]) ?? '',
      ...(v.scope === 'industry' ? { industry: v.industry ?? null } : {}),
    };
    setSaving(true);
    try {
      const created = await createAssessment(body);
      message.success(t('assessments.created'));
      onClose();
      navigate(`/assessments/${created.id}`);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assessments.generateTitle')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('assessments.generate')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'assessment',
          scope: 'region',
          regionCode: user.role === 'district' ? user.regionCode : undefined,
        }}
      >
        <Form.Item name="kind" label={t('assessments.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['assessment', 'yearly_summary'] as const).map((k) => ({
              value: k,
              label: t(`assessments.kind_${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('assessments.scope')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['region', 'industry'] as const).map((k) => ({
              value: k,
              label: t(`assessments.scope_${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('assessments.region')} rules={[{ required: true }]}>
          <Select options={regionOptions} data-testid="assessment-region" />
        </Form.Item>
        {scope === 'industry' && (
          <Form.Item name="industry" label={t('assessments.industry')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options('programmeIndustries')} />
          </Form.Item>
        )}
        <Form.Item name="campaignId" label={t('assessments.campaign')} rules={[{ required: true }]}>
          <Select
            loading={campaigns.loading}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('assessments.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 评估报告: the list of assessment reports and yearly summaries in scope, and the generate form. */
export default function AssessmentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<AssessmentKind | undefined>();
  const { data, error, loading, reload } = useApi(
    (signal) => listAssessments({ pageSize: 200, ...(kind ? { kind } : {}) }, signal),
    [kind],
  );
  if (error) return <ErrorState error={error} onRetry={reload} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('assessments.title')}
        </Typography.Title>
        <Space>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('assessments.kind')}
            value={kind}
            onChange={setKind}
            options={(['assessment', 'yearly_summary'] as const).map((k) => ({
              value: k,
              label: t(`assessments.kind_${k}`),
            }))}
          />
          {WRITERS.has(user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpen(true)}
              data-testid="assessment-generate"
            >
              {t('assessments.generate')}
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Text type="secondary">{t('assessments.hint')}</Typography.Text>
      <Table<AssessmentSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('assessments.empty') }}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            key: 'title',
            title: t('assessments.reportTitle'),
            render: (_, r) => <Link to={`/assessments/${r.id}`}>{r.title}</Link>,
          },
          { key: 'kind', title: t('assessments.kind'), render: (_, r) => t(`assessments.kind_${r.kind}`) },
          {
            key: 'scope',
            title: t('assessments.scope'),
            render: (_, r) => `${r.regionName}${r.industryName ? ` · ${r.industryName}` : ''}`,
          },
          {
            key: 'period',
            title: t('assessments.period'),
            render: (_, r) => `${formatDate(r.periodFrom)} ~ ${formatDate(r.periodTo)}`,
          },
          {
            key: 'status',
            title: t('assessments.status'),
            render: (_, r) => (
              <Tag color={r.status === 'final' ? 'green' : 'default'}>
                {t(`assessments.status_${r.status}`)}
              </Tag>
            ),
          },
          {
            key: 'updatedAt',
            title: t('assessments.updatedAt'),
            render: (_, r) => formatDateTime(r.updatedAt),
          },
        ]}
      />
      {open && <GenerateModal open={open} onClose={() => setOpen(false)} />}
    </Space>
  );
}
