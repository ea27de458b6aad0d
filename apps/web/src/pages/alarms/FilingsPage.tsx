import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  createFiling,
  decideFiling,
  FILING_KINDS,
  FILING_STATUSES,
  type Filing,
  listFilings,
  withdrawFiling,
} from '../../api/alarms';
import { getEnterprise } from '../../api/enterprises';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { FormModal } from '../../components/FormModal';
import { usePagedTable } from '../../components/list-table';
import { dayjs } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { useDistrictOptions } from '../monitoring/parts';
import {
  canFile,
  FILING_STATUS_COLORS,
  type FilingFormValues,
  filingActions,
  filingBody,
  parseFilingStatus,
} from './filing-rules';
import { PeriodText } from './parts';

const PAGE_SIZE = 20;

function CreateFilingModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { data: enterprise } = useApi(
    (signal) => (user.enterpriseId ? getEnterprise(user.enterpriseId, signal) : Promise.resolve(undefined)),
    [user.enterpriseId],
  );
  const outlets = (enterprise?.outlets ?? []).filter((o) => o.active);
  return (
    <FormModal<FilingFormValues>
      open={open}
      title={t('alarms.filings.createTitle')}
      testId="filing-form"
      initialValues={{ kind: 'maintenance', outletId: null }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(values) => createFiling(filingBody(values))}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('alarms.filings.hint')}
      </Typography.Paragraph>
      <Form.Item name="outletId" label={t('alarms.filings.outlet')}>
        <Select
          options={[
            { value: null, label: t('alarms.filings.allOutlets') },
            ...outlets.map((o) => ({ value: o.id, label: `${o.code} ${o.name}` })),
          ]}
          data-testid="filing-outlet"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('alarms.filings.kindLabel')} rules={[{ required: true }]}>
        <Select options={FILING_KINDS.map((k) => ({ value: k, label: t(`alarms.filings.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('alarms.filings.period')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('alarms.filings.reason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('validation.minLength', { n: 2 }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('alarms.filings.reasonPlaceholder')} />
      </Form.Item>
      <Form.Item name="evidence" label={t('alarms.filings.evidence')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 报备: enterprises file maintenance, calibration, start-up and shut-down in advance; districts decide. */
export default function FilingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = parseFilingStatus(params.get('status'));
  const regionCode = /^\d{6}$/.test(params.get('regionCode') ?? '')
    ? (params.get('regionCode') ?? undefined)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || PAGE_SIZE));
  const query = useMemo(
    () => ({
      filters: { ...(status ? { status } : {}), ...(regionCode ? { regionCode } : {}) },
      page,
      pageSize,
    }),
    [status, regionCode, page, pageSize],
  );
  const { data, error, loading, reload } = useApi(
    (signal) => listFilings({ ...query.filters, page, pageSize }, signal),
    [status, regionCode, page, pageSize],
  );
  const districts = useDistrictOptions();
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ filing: Filing; decision: 'approve' | 'reject' } | null>(null);
  const go = (next: typeof query) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next.filters)) if (v) p.set(k, v);
    if (next.page !== 1) p.set('page', String(next.page));
    if (next.pageSize !== PAGE_SIZE) p.set('pageSize', String(next.pageSize));
    setParams(p);
  };
  const pagedTable = usePagedTable<Filing, typeof query>({
    query,
    total: data?.total,
    go,
    filtered: Object.keys(query.filters).length > 0,
    emptyText: t('alarms.filings.empty'),
    emptyFilteredText: t('alarms.filings.empty'),
  });

  const withdraw = async (f: Filing) => {
    try {
      await withdrawFiling(f.id, f.version);
      message.success(t('common.saved'));
      reload();
    } catch (err) {
      message.error(errorMessage(t, err));
      reload();
    }
  };

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  return (
    <Card>
      <Space
        align="baseline"
        style={{ display: 'flex', marginBottom: 16, justifyContent: 'space-between' }}
        wrap
      >
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('alarms.filings.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common.total', { count: data?.total ?? 0 })}</Typography.Text>
        </Space>
        {canFile(user) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="filing-create"
          >
            {t('alarms.filings.create')}
          </Button>
        )}
      </Space>
      <Space wrap size={[12, 12]} style={{ display: 'flex', marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('alarms.filings.statusLabel')}
          style={{ width: 140 }}
          value={status}
          options={FILING_STATUSES.map((s) => ({ value: s, label: t(`alarms.filings.status.${s}`) }))}
          onChange={(value: string | undefined) =>
            go({ ...query, filters: { ...query.filters, status: value as never }, page: 1 })
          }
          data-testid="filter-filing-status"
        />
        {districts && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('alarms.filter.district')}
            style={{ width: 150 }}
            value={regionCode}
            options={districts}
            onChange={(value: string | undefined) =>
              go({ ...query, filters: { ...query.filters, regionCode: value }, page: 1 })
            }
          />
        )}
      </Space>
      <Table<Filing>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={() => ({ 'data-testid': 'filing-row' }) as object}
        {...pagedTable}
        columns={[
          ...(user.role === 'enterprise'
            ? []
            : [
                {
                  title: t('alarms.filings.enterprise'),
                  key: 'enterprise',
                  render: (_: unknown, f: Filing) => (
                    <Link to={`/enterprises/${f.enterpriseId}`}>{f.enterpriseName}</Link>
                  ),
                },
              ]),
          {
            title: t('alarms.filings.outlet'),
            dataIndex: 'outletName',
            render: (name: string | null) => name ?? t('alarms.filings.allOutlets'),
          },
          {
            title: t('alarms.filings.kindLabel'),
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => t(`alarms.filings.kind.${k}`),
          },
          {
            title: t('alarms.filings.period'),
            key: 'period',
            width: 200,
            render: (_, f) => <PeriodText from={f.startsAt} to={f.endsAt} />,
          },
          { title: t('alarms.filings.reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('alarms.filings.statusLabel'),
            dataIndex: 'status',
            width: 100,
            render: (s: Filing['status']) => (
              <Tag color={FILING_STATUS_COLORS[s]} data-testid="filing-status">
                {t(`alarms.filings.status.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('alarms.filings.decisionNote'),
            dataIndex: 'decisionNote',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_, f) => (
              <Space size={4}>
                {filingActions(f, user).map((a) =>
                  a === 'withdraw' ? (
                    <Popconfirm
                      key={a}
                      title={t('alarms.filings.withdrawConfirm')}
                      onConfirm={() => withdraw(f)}
                    >
                      <Button size="small" type="link" data-testid="filing-withdraw">
                        {t('alarms.filings.withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      key={a}
                      size="small"
                      type="link"
                      danger={a === 'reject'}
                      onClick={() => setDeciding({ filing: f, decision: a })}
                      data-testid={`filing-${a}`}
                    >
                      {t(`alarms.filings.${a}`)}
                    </Button>
                  ),
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateFilingModal open={creating} onClose={() => setCreating(false)} onSaved={reload} />
      <FormModal<{ note?: string }>
        open={deciding !== null}
        title={deciding ? t(`alarms.filings.${deciding.decision}Title`) : ''}
        width={520}
        onClose={() => setDeciding(null)}
        onSaved={reload}
        onSubmit={(v) => {
          if (!deciding) throw new Error('nothing to decide');
          const note = v.note?.trim();
          return decideFiling(deciding.filing.id, deciding.decision, {
            version: deciding.filing.version,
            ...(note ? { note } : {}),
          });
        }}
      >
        <Form.Item
          name="note"
          label={t('alarms.filings.decisionNote')}
          rules={
            deciding?.decision === 'reject'
              ? [{ required: true, whitespace: true, message: t('alarms.filings.noteRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('alarms.filings.notePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
