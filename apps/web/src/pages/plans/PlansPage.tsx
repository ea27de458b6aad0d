import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
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
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createNotice,
  createPlan,
  type EnterprisePlan,
  listEnterpriseProblems,
  listNotices,
  listPlans,
  noticeDocxUrl,
  type PlanStatus,
  patchPlan,
  type RectificationNotice,
} from '../../api/reports';
import { useUser } from '../../auth/auth-context';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { FormModal } from '../../components/FormModal';
import { formatDate, toDateString } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const STATUS_COLORS: Record<PlanStatus, string> = { draft: 'default', filed: 'blue', done: 'green' };
const STATUS_KEY: Record<PlanStatus, string> = {
  draft: 'plans.statusDraft',
  filed: 'plans.statusFiled',
  done: 'plans.statusDone',
};
const MONTHS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

interface PlanFormValues {
  enterpriseId: number | null;
  title: string;
  targets: string;
  route: string;
  measures: string;
  targetDate: Dayjs | null;
}

function PlanModal({
  open,
  plan,
  onClose,
  onSaved,
}: {
  open: boolean;
  plan: EnterprisePlan | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const own = user.role === 'enterprise';
  return (
    <FormModal<PlanFormValues>
      open={open}
      width={640}
      testId="plan-form"
      title={plan ? t('plans.editPlan') : own ? t('plans.proposePlan') : t('plans.newPlan')}
      initialValues={
        plan
          ? { ...plan, targetDate: null }
          : { enterpriseId: own ? user.enterpriseId : null, title: '', targets: '', route: '', measures: '' }
      }
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) => {
        const fields = {
          title: v.title,
          targets: v.targets,
          route: v.route,
          measures: v.measures,
          targetDate: toDateString(v.targetDate) ?? plan?.targetDate ?? '',
        };
        return plan
          ? patchPlan(plan.id, { version: plan.version, ...fields })
          : createPlan({ enterpriseId: v.enterpriseId ?? 0, ...fields });
      }}
    >
      {!plan && !own && (
        <Form.Item name="enterpriseId" label={t('plans.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('plans.planTitle')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="targets" label={t('plans.targets')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="route" label={t('plans.route')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="measures" label={t('plans.measures')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="targetDate"
        label={`${t('plans.targetDate')}${plan ? `（${formatDate(plan.targetDate)}）` : ''}`}
        rules={plan ? [] : [{ required: true }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function PlansTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useUser();
  const government = ['admin', 'city', 'district'].includes(user.role);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(
    (signal) => listPlans({ page, pageSize: 20 }, signal),
    [page],
  );
  const [editing, setEditing] = useState<EnterprisePlan | null | 'new'>(null);
  const advance = async (p: EnterprisePlan, status: PlanStatus) => {
    try {
      await patchPlan(p.id, { version: p.version, status });
      message.success(t('common.saved'));
      reload();
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="plan-new">
        {government ? t('plans.newPlan') : t('plans.proposePlan')}
      </Button>
      <Table<EnterprisePlan>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="plans-table"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        expandable={{
          expandedRowRender: (p) => (
            <Space direction="vertical">
              <Typography.Text>
                <b>{t('plans.targets')}：</b>
                {p.targets}
              </Typography.Text>
              <Typography.Text>
                <b>{t('plans.route')}：</b>
                {p.route}
              </Typography.Text>
              <Typography.Text>
                <b>{t('plans.measures')}：</b>
                {p.measures}
              </Typography.Text>
            </Space>
          ),
        }}
        columns={[
          { title: t('plans.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('plans.planTitle'), dataIndex: 'title' },
          { title: t('plans.targetDate'), dataIndex: 'targetDate', render: formatDate },
          {
            title: t('plans.status'),
            dataIndex: 'status',
            render: (s: PlanStatus) => <Tag color={STATUS_COLORS[s]}>{t(STATUS_KEY[s])}</Tag>,
          },
          {
            key: 'actions',
            render: (_, p) => (
              <Space>
                {p.status !== 'done' && (government || p.status === 'draft') && (
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('plans.edit')}
                  </Button>
                )}
                {government && p.status === 'draft' && (
                  <Popconfirm title={t('plans.file')} onConfirm={() => advance(p, 'filed')}>
                    <Button size="small" type="primary">
                      {t('plans.file')}
                    </Button>
                  </Popconfirm>
                )}
                {government && p.status === 'filed' && (
                  <Popconfirm title={t('plans.markDone')} onConfirm={() => advance(p, 'done')}>
                    <Button size="small">{t('plans.markDone')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PlanModal
        open={editing !== null}
        plan={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
    </Space>
  );
}

interface NoticeFormValues {
  enterpriseId: number | null;
  problemIds: number[];
  periodMonths: number;
  requirements: string;
  issuedOn: Dayjs | null;
}

function ProblemPicker({
  enterpriseId,
  value,
  onChange,
}: {
  enterpriseId: number | null;
  value?: number[];
  onChange?: (v: number[]) => void;
}) {
  const { t } = useTranslation();
  const { data } = useApi(
    (signal) => (enterpriseId ? listEnterpriseProblems(enterpriseId, signal) : Promise.resolve(undefined)),
    [enterpriseId],
  );
  const open = (data?.items ?? []).filter((p) => p.status !== 'closed');
  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={onChange}
      placeholder={t('plans.problemsHint')}
      notFoundContent={enterpriseId ? t('plans.noProblems') : null}
      options={open.map((p) => ({
        value: p.id,
        label: `#${p.id} ${p.description}（${formatDate(p.foundOn)}）`,
      }))}
      data-testid="notice-problems"
    />
  );
}

function NoticeModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<NoticeFormValues>
      open={open}
      width={640}
      testId="notice-form"
      title={t('plans.newNotice')}
      initialValues={{ enterpriseId: null, problemIds: [], periodMonths: 3, requirements: '' }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        createNotice({
          enterpriseId: v.enterpriseId ?? 0,
          problemIds: v.problemIds,
          periodMonths: v.periodMonths,
          requirements: v.requirements,
          ...(v.issuedOn ? { issuedOn: toDateString(v.issuedOn) ?? undefined } : {}),
        })
      }
    >
      {(form) => (
        <>
          <Form.Item name="enterpriseId" label={t('plans.enterprise')} rules={[{ required: true }]}>
            <EnterpriseSelect onChange={() => form.setFieldValue('problemIds', [])} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.enterpriseId !== b.enterpriseId}>
            {() => (
              <Form.Item name="problemIds" label={t('plans.problems')} rules={[{ required: true }]}>
                <ProblemPicker enterpriseId={form.getFieldValue('enterpriseId') ?? null} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item
            name="periodMonths"
            label={t('plans.periodMonths')}
            extra={t('plans.periodHint')}
            rules={[{ required: true }]}
          >
            <Select
              options={MONTHS.map((n) => ({ value: n, label: t('plans.months', { n }) }))}
              data-testid="notice-period"
            />
          </Form.Item>
          <Form.Item name="requirements" label={t('plans.requirements')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('plans.issuedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function NoticesTab() {
  const { t } = useTranslation();
  const user = useUser();
  const issuer = ['admin', 'city', 'district'].includes(user.role);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(
    (signal) => listNotices({ page, pageSize: 20 }, signal),
    [page],
  );
  const [creating, setCreating] = useState(false);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {issuer && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="notice-new"
        >
          {t('plans.newNotice')}
        </Button>
      )}
      <Table<RectificationNotice>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="notices-table"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        expandable={{
          expandedRowRender: (n) => (
            <Space direction="vertical">
              {n.problems.map((p) => (
                <Typography.Text key={p.id}>
                  {p.problemType}：{p.description}
                </Typography.Text>
              ))}
              <Typography.Text>
                <b>{t('plans.requirements')}：</b>
                {n.requirements}
              </Typography.Text>
            </Space>
          ),
        }}
        columns={[
          { title: t('plans.number'), dataIndex: 'number' },
          { title: t('plans.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('plans.periodMonths'),
            dataIndex: 'periodMonths',
            render: (n: number) => t('plans.months', { n }),
          },
          { title: t('plans.issuedOn'), dataIndex: 'issuedOn', render: formatDate },
          { title: t('plans.dueOn'), dataIndex: 'dueOn', render: formatDate },
          { title: t('plans.issuer'), dataIndex: 'issuerName' },
          {
            key: 'download',
            render: (_, n) => (
              <Button size="small" icon={<DownloadOutlined />} href={noticeDocxUrl(n.id)}>
                {t('plans.download')}
              </Button>
            ),
          },
        ]}
      />
      <NoticeModal open={creating} onClose={() => setCreating(false)} onSaved={reload} />
    </Space>
  );
}

/** 一企一策 plans and 限期整改通知书 (L4). */
export default function PlansPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('plans.title')}</Typography.Title>
      <Card size="small">
        <Tabs
          items={[
            { key: 'plans', label: t('plans.tabPlans'), children: <PlansTab /> },
            { key: 'notices', label: t('plans.tabNotices'), children: <NoticesTab /> },
          ]}
        />
      </Card>
    </Space>
  );
}
