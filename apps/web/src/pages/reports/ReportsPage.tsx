import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CellState,
  decideSubmission,
  detailExportUrl,
  getReportMatrix,
  getReportPrefill,
  getSubmission,
  listReportDefinitions,
  type MatrixCell,
  type ReportDefinition,
  rectificationLedgerUrl,
  screeningLedgerUrl,
  submitReport,
  summaryExportUrl,
} from '../../api/reports';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { dayjs, formatDate, formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const CELL_COLORS: Record<CellState, string> = {
  on_time: 'green',
  late: 'orange',
  missing_overdue: 'red',
  due_soon: 'gold',
  not_due: 'default',
};

/** The due rule of a definition in words. */
export function ruleText(t: TFunction, d: ReportDefinition): string {
  const r = d.rule;
  const roll = t(r.rollToWorkingDay ? 'reports.rolls' : 'reports.noRoll');
  if (r.kind === 'dayOfMonth' && r.inMonths?.length) {
    return `${t('reports.ruleBimonthly', { months: r.inMonths.join('、'), day: r.day })}（${roll}）`;
  }
  if (r.kind === 'dayOfMonth') return `${t('reports.ruleDayOfMonth', { day: r.day })}（${roll}）`;
  if (r.kind === 'yearly') return `${t('reports.ruleYearly', { month: r.month, day: r.day })}（${roll}）`;
  return t('reports.ruleOther', { kind: r.kind });
}

function cellText(t: TFunction, c: MatrixCell): string {
  switch (c.state) {
    case 'on_time':
      return t('reports.onTime');
    case 'late':
      return c.lateDays ? t('reports.lateBy', { n: c.lateDays }) : t('reports.lateHoliday');
    case 'missing_overdue':
      return t('reports.missingBy', { n: c.overdueDays ?? 0 });
    case 'due_soon':
      return t('reports.dueSoon');
    default:
      return t('reports.notDue');
  }
}

const num = (v: unknown) => (typeof v === 'number' ? v : '—');
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The figures of a report (prefilled from the ledgers or as submitted). */
function ContentView({ content }: { content: Record<string, unknown> }) {
  const { t } = useTranslation();
  const screening = obj(content.screening);
  const problems = obj(content.problems);
  const cases = obj(content.cases);
  const total = obj(content.total ?? content.exceedance);
  const byType = Array.isArray(content.byType)
    ? (content.byType as { label: string; found: number; open: number; closed: number }[])
    : [];
  const items = [
    ...(content.screening
      ? [
          { key: 'entries', label: t('reports.figures.entries'), children: num(screening.entries) },
          {
            key: 'updated',
            label: t('reports.figures.updatedInPeriod'),
            children: num(screening.updatedInPeriod),
          },
          { key: 'exceeded', label: t('reports.figures.exceeded'), children: num(screening.exceeded) },
        ]
      : []),
    ...(content.problems
      ? [
          { key: 'found', label: t('reports.figures.foundInPeriod'), children: num(problems.foundInPeriod) },
          { key: 'open', label: t('reports.figures.open'), children: num(problems.open) },
          {
            key: 'closed',
            label: t('reports.figures.closedInPeriod'),
            children: num(problems.closedInPeriod),
          },
          { key: 'total', label: t('reports.figures.total'), children: num(problems.total) },
        ]
      : []),
    ...(content.cases
      ? [
          { key: 'casesIn', label: t('reports.figures.casesInPeriod'), children: num(cases.inPeriod) },
          { key: 'casesTotal', label: t('reports.figures.casesTotal'), children: num(cases.total) },
        ]
      : []),
    ...(content.total || content.exceedance
      ? [
          { key: 'ent', label: t('reports.figures.enterprises'), children: num(total.enterprises) },
          { key: 'done', label: t('reports.figures.done'), children: num(total.done) },
          {
            key: 'rate',
            label: t('reports.figures.rate'),
            children: typeof total.rate === 'number' ? `${(total.rate * 100).toFixed(1)}%` : '—',
          },
        ]
      : []),
    ...(Array.isArray(content.rows) && !content.total
      ? [{ key: 'rows', label: t('reports.figures.rows'), children: (content.rows as unknown[]).length }]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="report-content">
      <Descriptions size="small" bordered column={2} items={items} />
      {byType.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="label"
          dataSource={byType}
          columns={[
            { title: t('reports.figures.byType'), dataIndex: 'label' },
            { title: t('reports.figures.foundInPeriod'), dataIndex: 'found' },
            { title: t('reports.figures.open'), dataIndex: 'open' },
            { title: t('reports.figures.closedInPeriod'), dataIndex: 'closed' },
          ]}
        />
      )}
    </Space>
  );
}

function SubmitModal({
  target,
  onClose,
  onSaved,
}: {
  target: {
    def: ReportDefinition;
    regionCode: string;
    regionName: string;
    periodKey: string;
    dueAt: string;
  } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const prefill = useApi(
    (signal) =>
      target
        ? getReportPrefill(target.def.id, target.regionCode, target.periodKey, signal)
        : Promise.resolve(undefined),
    [target?.def.id, target?.regionCode, target?.periodKey],
  );
  if (!target) return null;
  const late = dayjs().isAfter(dayjs(target.dueAt));
  const send = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const s = await submitReport(target.def.id, {
        regionCode: target.regionCode,
        periodKey: target.periodKey,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      message.success(
        s.late
          ? `${t('reports.submittedOk')}：${t('reports.lateBy', { n: s.lateDays })}`
          : t('reports.submittedOk'),
      );
      setNote('');
      onSaved();
      onClose();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={t('reports.submitTitle', { name: target.def.name })}
      onCancel={onClose}
      onOk={send}
      okText={t('reports.submit')}
      okButtonProps={{ 'data-testid': 'report-submit-ok' } as never}
      confirmLoading={saving}
      data-testid="report-submit"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {target.regionName} · {t('reports.period')}：{prefill.data?.periodLabel ?? target.periodKey}
        </Typography.Text>
        {late && (
          <Alert
            type="warning"
            showIcon
            message={t('reports.lateWarning', { date: formatDateTime(target.dueAt) })}
          />
        )}
        {error && <Alert type="error" showIcon message={error} />}
        <Typography.Text type="secondary">{t('reports.prefilled')}</Typography.Text>
        {prefill.error ? (
          <ErrorState error={prefill.error} />
        ) : prefill.data ? (
          <ContentView content={prefill.data.content} />
        ) : null}
        <Form layout="vertical">
          <Form.Item label={t('reports.note')}>
            <Input.TextArea
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

function SubmissionDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useUser();
  const { data, error, reload } = useApi(
    (signal) => (id ? getSubmission(id, signal) : Promise.resolve(undefined)),
    [id],
  );
  const [note, setNote] = useState('');
  const isCity = user.role === 'city' || user.role === 'admin';
  const decide = async (action: 'receive' | 'return') => {
    if (!data) return;
    try {
      await decideSubmission(data.id, action, {
        version: data.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      message.success(t(action === 'receive' ? 'reports.received' : 'reports.returned'));
      setNote('');
      reload();
      onChanged();
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };
  return (
    <Drawer
      open={id !== null}
      width={720}
      title={t('reports.detail')}
      onClose={onClose}
      data-testid="report-drawer"
    >
      {error ? (
        <ErrorState error={error} />
      ) : data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'name', label: t('reports.name'), children: data.definitionName },
              { key: 'region', label: t('reports.district'), children: data.regionName },
              { key: 'period', label: t('reports.period'), children: data.periodKey },
              { key: 'due', label: t('reports.rule'), children: formatDateTime(data.dueAt) },
              {
                key: 'at',
                label: t('reports.submittedAt'),
                children: (
                  <Space>
                    {formatDateTime(data.submittedAt)}
                    {data.late ? (
                      <Tag color="orange">
                        {data.lateDays ? t('reports.lateBy', { n: data.lateDays }) : t('reports.lateHoliday')}
                      </Tag>
                    ) : (
                      <Tag color="green">{t('reports.onTime')}</Tag>
                    )}
                  </Space>
                ),
              },
              { key: 'status', label: t('reports.status'), children: t(`reports.${data.status}`) },
              { key: 'note', label: t('reports.note'), children: data.note ?? '—' },
              { key: 'review', label: t('reports.reviewNote'), children: data.reviewNote ?? '—' },
            ]}
          />
          <Typography.Title level={5}>{t('reports.content')}</Typography.Title>
          <ContentView content={data.content} />
          {isCity && data.status === 'submitted' && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={2}
                placeholder={t('reports.returnNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <Space>
                <Button type="primary" onClick={() => decide('receive')} data-testid="report-receive">
                  {t('reports.receive')}
                </Button>
                <Button danger onClick={() => decide('return')} data-testid="report-return">
                  {t('reports.return')}
                </Button>
              </Space>
            </Space>
          )}
        </Space>
      ) : null}
    </Drawer>
  );
}

/** 定期报送: the reports due, who reported (on time, late by N working days, missing) and the 001 tables. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const defs = useApi((signal) => listReportDefinitions(signal), []);
  const [selected, setSelected] = useState<number>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const def = defs.data?.find((d) => d.id === selected) ?? defs.data?.[0];
  const query = useMemo(
    () =>
      range
        ? {
            from: range[0].startOf('month').format('YYYY-MM-DD'),
            to: range[1].endOf('month').format('YYYY-MM-DD'),
          }
        : {},
    [range],
  );
  const matrix = useApi(
    (signal) => (def ? getReportMatrix(def.id, query, signal) : Promise.resolve(undefined)),
    [def?.id, query],
  );
  const [submitting, setSubmitting] = useState<Parameters<typeof SubmitModal>[0]['target']>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const canSubmitFor = (regionCode: string) =>
    user.role === 'city' ||
    user.role === 'admin' ||
    (user.role === 'district' && user.regionCode === regionCode);

  if (defs.error) return <ErrorState error={defs.error} onRetry={defs.reload} />;
  const summaryPeriod = defs.data?.find((d) => d.key === 'exceedance-summary-monthly')?.lastDue.periodKey;
  const detailPeriod = defs.data?.find((d) => d.key === 'exceedance-detail-bimonthly')?.lastDue.periodKey;
  const campaignId = defs.data?.find((d) => d.key === 'ledger-monthly')?.campaignId ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={4}>{t('reports.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('reports.intro')}</Typography.Text>
      </div>
      <Card title={t('reports.definitions')} size="small">
        <Table<ReportDefinition>
          size="small"
          rowKey="id"
          loading={defs.loading}
          pagination={false}
          dataSource={defs.data ?? []}
          data-testid="report-definitions"
          rowClassName={(d) => (d.id === def?.id ? 'ant-table-row-selected' : '')}
          onRow={(d) => ({ onClick: () => setSelected(d.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('reports.name'), dataIndex: 'name' },
            { title: t('reports.rule'), key: 'rule', render: (_, d) => ruleText(t, d) },
            {
              title: t('reports.nextDue'),
              key: 'next',
              render: (_, d) => (
                <Space size={4}>
                  {t('reports.nextDueFor', {
                    period: d.nextDue.periodLabel,
                    date: formatDate(d.nextDue.dueDate),
                  })}
                  {d.nextDue.provisional && <Tag>{t('reports.provisional')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('reports.source'),
              dataIndex: 'source',
              render: (s: string | null) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('reports.exports')} size="small">
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={summaryExportUrl(summaryPeriod)}
            data-testid="export-summary"
          >
            {t('reports.exportSummary')} {summaryPeriod}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={detailExportUrl(detailPeriod)}
            data-testid="export-detail"
          >
            {t('reports.exportDetail')} {detailPeriod}
          </Button>
          {campaignId && (
            <>
              <Button type="link" href={screeningLedgerUrl(campaignId)}>
                {t('reports.screeningLedger')}
              </Button>
              <Button type="link" href={rectificationLedgerUrl(campaignId)}>
                {t('reports.rectificationLedger')}
              </Button>
            </>
          )}
        </Space>
      </Card>
      <Card
        size="small"
        title={`${t('reports.matrix')}${def ? `：${def.name}` : ''}`}
        extra={
          <Space>
            <Select
              style={{ width: 320 }}
              value={def?.id}
              onChange={setSelected}
              options={(defs.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              data-testid="report-select"
            />
            <DatePicker.RangePicker
              picker="month"
              value={range}
              onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
              placeholder={[t('reports.range'), t('reports.range')]}
            />
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('reports.legend')}：</Typography.Text>
          <Tag color="green">{t('reports.onTime')}</Tag>
          <Tag color="orange">{t('reports.lateBy', { n: 'N' })}</Tag>
          <Tag color="red">{t('reports.missingBy', { n: 'N' })}</Tag>
          <Tag color="gold">{t('reports.dueSoon')}</Tag>
          <Tag>{t('reports.notDue')}</Tag>
        </Space>
        {matrix.error ? (
          <ErrorState error={matrix.error} onRetry={matrix.reload} />
        ) : (
          <Table
            size="small"
            bordered
            rowKey="regionCode"
            loading={matrix.loading}
            pagination={false}
            scroll={{ x: true }}
            data-testid="report-matrix"
            dataSource={matrix.data?.rows ?? []}
            columns={[
              { title: t('reports.district'), dataIndex: 'regionName', fixed: 'left', width: 110 },
              ...(matrix.data?.periods ?? []).map((p, i) => ({
                title: (
                  <div>
                    <div>{p.label}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('reports.dueOn', { date: formatDate(p.dueDate) })}
                    </Typography.Text>
                  </div>
                ),
                key: p.key,
                render: (
                  _: unknown,
                  row: { regionCode: string; regionName: string; cells: MatrixCell[] },
                ) => {
                  const c = row.cells[i];
                  if (!c || !def) return null;
                  return (
                    <Space direction="vertical" size={2} data-testid={`cell-${row.regionCode}-${p.key}`}>
                      <Tag
                        color={CELL_COLORS[c.state]}
                        style={c.submissionId ? { cursor: 'pointer' } : undefined}
                        onClick={c.submissionId ? () => setViewing(c.submissionId) : undefined}
                      >
                        {cellText(t, c)}
                      </Tag>
                      {c.status && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(`reports.${c.status}`)}
                        </Typography.Text>
                      )}
                      {(!c.submissionId || c.status === 'returned') &&
                        c.state !== 'not_due' &&
                        canSubmitFor(row.regionCode) && (
                          <Button
                            size="small"
                            type="link"
                            style={{ padding: 0 }}
                            onClick={() =>
                              setSubmitting({
                                def,
                                regionCode: row.regionCode,
                                regionName: row.regionName,
                                periodKey: p.key,
                                dueAt: p.dueAt,
                              })
                            }
                          >
                            {t('reports.submit')}
                          </Button>
                        )}
                    </Space>
                  );
                },
              })),
            ]}
          />
        )}
      </Card>
      <SubmitModal target={submitting} onClose={() => setSubmitting(null)} onSaved={matrix.reload} />
      <SubmissionDrawer id={viewing} onClose={() => setViewing(null)} onChanged={matrix.reload} />
    </Space>
  );
}
