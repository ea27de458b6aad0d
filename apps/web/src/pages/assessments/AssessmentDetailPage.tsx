import { CheckOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  type Assessment,
  assessmentExportUrl,
  type CountBy,
  finalizeAssessment,
  getAssessment,
  patchAssessment,
} from '../../api/assessments';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/charts/Chart';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/Loading';
import { formatDate, formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const WRITERS = new Set(['admin', 'city', 'district']);

function CountTable({ title, items }: { title: string; items: CountBy[] }) {
  const { t } = useTranslation();
  return (
    <Table<CountBy>
      size="small"
      rowKey="key"
      pagination={false}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={items}
      columns={[
        { key: 'label', title: t('assessments.item'), dataIndex: 'label' },
        { key: 'count', title: t('assessments.count'), dataIndex: 'count', align: 'right' },
      ]}
    />
  );
}

function Figures({ a }: { a: Assessment }) {
  const { t } = useTranslation();
  const f = a.figures;
  const stats: [string, string | number][] = [
    [t('assessments.f_enterprises'), f.enterprises.total],
    [t('assessments.f_selfChecksSubmitted'), f.selfChecks.enterprisesSubmitted],
    [t('assessments.f_selfChecksNotSubmitted'), f.selfChecks.enterprisesNotSubmitted],
    [t('assessments.f_approved'), f.selfChecks.approved],
    [t('assessments.f_returned'), f.selfChecks.returned],
    [t('assessments.f_problems'), f.problems.total],
    [t('assessments.f_closed'), f.problems.closed],
    [t('assessments.f_closureRate'), pct(f.problems.closureRate)],
    [t('assessments.f_overdue'), f.problems.overdue],
    [t('assessments.f_monitors'), f.monitoring.monitors],
    [t('assessments.f_networkedShare'), pct(f.monitoring.networkedShare)],
    [t('assessments.f_tvr'), pct(f.monitoring.transmissionValidityRate)],
    [t('assessments.f_alarms'), f.alarms.exceedanceAlarms],
    [t('assessments.f_confirmed'), f.alarms.confirmedSheets],
    [t('assessments.f_notices'), f.notices.issued],
    [t('assessments.exceeding'), f.exceeding.length],
  ];
  return (
    <Card size="small" title={t('assessments.figures')} data-testid="assessment-figures">
      <Row gutter={[16, 16]}>
        {stats.map(([label, value]) => (
          <Col key={label} xs={12} sm={8} md={6} lg={4}>
            <Statistic title={label} value={value} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Chart
            height={240}
            testId="assessment-problem-chart"
            option={{
              tooltip: {},
              grid: { left: 160, right: 24, top: 16, bottom: 24 },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: f.problems.byType.map((x) => x.label) },
              series: [{ type: 'bar', data: f.problems.byType.map((x) => x.count) }],
            }}
          />
        </Col>
        <Col xs={24} md={12}>
          <CountTable title={t('assessments.byBatch')} items={f.enterprises.byBatch} />
        </Col>
        <Col xs={24} md={8}>
          <CountTable title={t('assessments.byType')} items={f.problems.byType} />
        </Col>
        <Col xs={24} md={8}>
          <CountTable title={t('assessments.byHandling')} items={f.problems.byHandling} />
        </Col>
        <Col xs={24} md={8}>
          <CountTable title={t('assessments.byStatus')} items={f.problems.byStatus} />
        </Col>
      </Row>
    </Card>
  );
}

/** One assessment report: its figures, its editable sections (draft), finalize, Word download. */
export default function AssessmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const { message } = AntApp.useApp();
  const { data, error, loading, reload } = useApi((signal) => getAssessment(Number(id), signal), [id]);
  const [report, setReport] = useState<Assessment>();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!data) return;
    setReport(data);
    setTexts(Object.fromEntries(data.sections.map((s) => [s.key, s.text])));
  }, [data]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !report) return <Loading />;
  const editable = report.status === 'draft' && WRITERS.has(user.role);
  const changed = report.sections.filter((s) => texts[s.key] !== s.text);

  const run = async (action: () => Promise<Assessment>, done: string) => {
    setBusy(true);
    try {
      const next = await action();
      setReport(next);
      setTexts(Object.fromEntries(next.sections.map((s) => [s.key, s.text])));
      message.success(done);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/assessments">{t('assessments.back')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {report.title}{' '}
          <Tag color={report.status === 'final' ? 'green' : 'default'}>
            {t(`assessments.status_${report.status}`)}
          </Tag>
        </Typography.Title>
        <Space wrap>
          {editable && (
            <Button
              icon={<SaveOutlined />}
              disabled={!changed.length}
              loading={busy}
              onClick={() =>
                run(
                  () =>
                    patchAssessment(
                      report.id,
                      changed.map((s) => ({ key: s.key, text: texts[s.key] ?? '' })),
                      report.version,
                    ),
                  t('assessments.saved'),
                )
              }
            >
              {t('assessments.save')}
            </Button>
          )}
          {editable && (
            <Popconfirm
              title={t('assessments.finalizeConfirm')}
              onConfirm={() =>
                run(() => finalizeAssessment(report.id, report.version), t('assessments.finalized'))
              }
              disabled={changed.length > 0}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy}
                disabled={changed.length > 0}
                data-testid="assessment-finalize"
              >
                {t('assessments.finalize')}
              </Button>
            </Popconfirm>
          )}
          <Button
            icon={<DownloadOutlined />}
            href={assessmentExportUrl(report.id)}
            data-testid="assessment-download"
          >
            {t('assessments.download')}
          </Button>
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('assessments.kind')}>
          {t(`assessments.kind_${report.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.scope')}>
          {report.regionName}
          {report.industryName ? ` · ${report.industryName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.period')}>
          {formatDate(report.periodFrom)} ~ {formatDate(report.periodTo)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.campaign')}>{report.figures.campaignName}</Descriptions.Item>
        <Descriptions.Item label={t('assessments.updatedAt')}>
          {formatDateTime(report.updatedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {t('assessments.generatedAt', { at: formatDateTime(report.figures.generatedAt) })}
        {user.role === 'expert' ? ` · ${t('assessments.readOnly')}` : ''}
      </Typography.Text>
      <Figures a={report} />
      <Card size="small" title={t('assessments.sections')}>
        {report.sections.map((s) => (
          <div key={s.key} style={{ marginBottom: 16 }} data-testid={`assessment-section-${s.key}`}>
            <Typography.Title level={5}>{s.heading}</Typography.Title>
            {editable ? (
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 20 }}
                value={texts[s.key] ?? ''}
                onChange={(e) => setTexts((prev) => ({ ...prev, [s.key]: e.target.value }))}
              />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.text}</Typography.Paragraph>
            )}
          </div>
        ))}
      </Card>
    </Space>
  );
}
