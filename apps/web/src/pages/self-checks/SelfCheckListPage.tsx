import { Alert, App as AntApp, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type CampaignSummary, listCampaigns } from '../../api/campaigns';
import {
  listSelfChecks,
  SELF_CHECK_STATUSES,
  type SelfCheckStatus,
  type SelfCheckSummary,
  startSelfCheck,
} from '../../api/self-checks';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { usePagedTable } from '../../components/list-table';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { useDistrictOptions } from '../monitoring/parts';

export const SELF_CHECK_STATUS_COLORS: Record<SelfCheckStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

export function SelfCheckStatusTag({ status }: { status: SelfCheckStatus | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={status ? SELF_CHECK_STATUS_COLORS[status] : 'warning'} data-testid="self-check-status">
      {t(`selfChecks.status.${status ?? 'none'}`)}
    </Tag>
  );
}

const when = (iso: string | null) => formatDateTime(iso);

/** The enterprise: one line per campaign with its form's status, to start or continue it. */
function EnterpriseForms() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const campaigns = useApi((signal) => listCampaigns(signal), []);
  const forms = useApi((signal) => listSelfChecks({ page: 1, pageSize: 200 }, signal), []);
  const [busy, setBusy] = useState<number | null>(null);
  const byCampaign = new Map((forms.data?.items ?? []).map((f) => [f.campaignId, f]));
  const start = async (c: CampaignSummary) => {
    setBusy(c.id);
    try {
      const f = await startSelfCheck(c.id);
      navigate(`/self-checks/${f.id}`);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(null);
    }
  };
  if (campaigns.error && !campaigns.data)
    return <ErrorState error={campaigns.error} onRetry={campaigns.reload} />;
  return (
    <Table<CampaignSummary>
      rowKey="id"
      loading={campaigns.loading || forms.loading}
      dataSource={campaigns.data?.items ?? []}
      pagination={false}
      onRow={(c) => ({ 'data-testid': `self-check-campaign-${c.id}` }) as object}
      columns={[
        { title: t('selfChecks.campaign'), dataIndex: 'name' },
        {
          title: t('selfChecks.versionNo'),
          key: 'version',
          width: 100,
          render: (_, c) => {
            const f = byCampaign.get(c.id);
            return f ? t('selfChecks.versionLabel', { n: f.versionNo }) : '—';
          },
        },
        {
          title: t('selfChecks.statusLabel'),
          key: 'status',
          width: 120,
          render: (_, c) => <SelfCheckStatusTag status={byCampaign.get(c.id)?.status ?? null} />,
        },
        {
          title: t('selfChecks.submittedAt'),
          key: 'submittedAt',
          width: 170,
          render: (_, c) => when(byCampaign.get(c.id)?.submittedAt ?? null),
        },
        {
          title: t('selfChecks.actions'),
          key: 'actions',
          width: 140,
          render: (_, c) => {
            const f = byCampaign.get(c.id);
            if (f && f.status !== 'draft') {
              return (
                <Link to={`/self-checks/${f.id}`} data-testid="self-check-open">
                  {t('selfChecks.view')}
                </Link>
              );
            }
            return (
              <Button
                type={f ? 'link' : 'primary'}
                size="small"
                loading={busy === c.id}
                onClick={() => start(c)}
                data-testid="self-check-start"
              >
                {f ? t('selfChecks.continue') : t('selfChecks.start')}
              </Button>
            );
          },
        },
      ]}
    />
  );
}

const PAGE_SIZE = 20;

/** Government users: the forms of their scope, filtered by campaign, status and district. */
function GovernmentForms() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const campaignId = Number(params.get('campaignId')) || undefined;
  const statusParam = params.get('status');
  const status = SELF_CHECK_STATUSES.includes(statusParam as SelfCheckStatus)
    ? (statusParam as SelfCheckStatus)
    : undefined;
  const regionCode = /^\d{6}$/.test(params.get('regionCode') ?? '')
    ? (params.get('regionCode') ?? undefined)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || PAGE_SIZE));
  const query = useMemo(
    () => ({
      filters: {
        ...(campaignId ? { campaignId: String(campaignId) } : {}),
        ...(status ? { status } : {}),
        ...(regionCode ? { regionCode } : {}),
      } as Record<string, string | undefined>,
      page,
      pageSize,
    }),
    [campaignId, status, regionCode, page, pageSize],
  );
  const { data, error, loading, reload } = useApi(
    (signal) => listSelfChecks({ campaignId, status, regionCode, page, pageSize }, signal),
    [campaignId, status, regionCode, page, pageSize],
  );
  const campaigns = useApi((signal) => listCampaigns(signal), []);
  const districts = useDistrictOptions();
  const go = (next: typeof query) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next.filters)) if (v) p.set(k, v);
    if (next.page !== 1) p.set('page', String(next.page));
    if (next.pageSize !== PAGE_SIZE) p.set('pageSize', String(next.pageSize));
    setParams(p);
  };
  const setFilter = (key: string, value: string | undefined) =>
    go({ ...query, filters: { ...query.filters, [key]: value }, page: 1 });
  const paged = usePagedTable<SelfCheckSummary, typeof query>({
    query,
    total: data?.total,
    go,
    filtered: Object.keys(query.filters).length > 0,
    emptyText: t('selfChecks.empty'),
    emptyFilteredText: t('selfChecks.empty'),
  });
  const canReview = ['admin', 'city', 'district'].includes(user.role);
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Space wrap size={[12, 12]} style={{ display: 'flex', marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('selfChecks.campaign')}
          style={{ width: 320 }}
          value={campaignId}
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v: number | undefined) => setFilter('campaignId', v ? String(v) : undefined)}
          data-testid="filter-self-check-campaign"
        />
        <Select
          allowClear
          placeholder={t('selfChecks.statusLabel')}
          style={{ width: 140 }}
          value={status}
          options={SELF_CHECK_STATUSES.map((s) => ({ value: s, label: t(`selfChecks.status.${s}`) }))}
          onChange={(v: string | undefined) => setFilter('status', v)}
          data-testid="filter-self-check-status"
        />
        {districts && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('selfChecks.district')}
            style={{ width: 150 }}
            value={regionCode}
            options={districts}
            onChange={(v: string | undefined) => setFilter('regionCode', v)}
          />
        )}
      </Space>
      <Table<SelfCheckSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={() => ({ 'data-testid': 'self-check-row' }) as object}
        {...paged}
        columns={[
          {
            title: t('selfChecks.enterprise'),
            dataIndex: 'enterpriseName',
            render: (name: string, f) => <Link to={`/enterprises/${f.enterpriseId}`}>{name}</Link>,
          },
          { title: t('selfChecks.district'), dataIndex: 'regionName', width: 110 },
          { title: t('selfChecks.campaign'), dataIndex: 'campaignName', ellipsis: true },
          {
            title: t('selfChecks.versionNo'),
            dataIndex: 'versionNo',
            width: 80,
            render: (n: number) => t('selfChecks.versionLabel', { n }),
          },
          {
            title: t('selfChecks.statusLabel'),
            dataIndex: 'status',
            width: 110,
            render: (s: SelfCheckStatus) => <SelfCheckStatusTag status={s} />,
          },
          { title: t('selfChecks.filledBy'), dataIndex: 'filledByName', width: 100, render: (v) => v ?? '—' },
          { title: t('selfChecks.submittedAt'), dataIndex: 'submittedAt', width: 160, render: when },
          { title: t('selfChecks.reviewer'), dataIndex: 'reviewerName', width: 100, render: (v) => v ?? '—' },
          {
            title: t('selfChecks.actions'),
            key: 'actions',
            width: 90,
            render: (_, f) => (
              <Link to={`/self-checks/${f.id}`} data-testid="self-check-open">
                {canReview && f.status === 'submitted' ? t('selfChecks.review') : t('selfChecks.view')}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}

/** 自查表: the enterprise's forms per campaign, or the forms of the government user's scope. */
export default function SelfCheckListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const own = user.role === 'enterprise';
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {own ? t('selfChecks.myForms') : t('selfChecks.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('selfChecks.listHint')} style={{ marginBottom: 16 }} />
      {own ? <EnterpriseForms /> : <GovernmentForms />}
    </Card>
  );
}
