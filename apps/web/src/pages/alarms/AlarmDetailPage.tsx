import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  type AlarmDetail,
  type AlarmFiling,
  getAlarm,
  type LimitSnapshot,
  type SheetAction,
} from '../../api/alarms';
import { Chart } from '../../components/charts/Chart';
import { ErrorState } from '../../components/ErrorState';
import { useInbox } from '../../components/Inbox';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { flagKey, labelOr, reasonKey } from '../monitoring/flags';
import { usePollutants } from '../monitoring/parts';
import { formatValue } from '../monitoring/rate-format';
import { evidenceChartOption, pointsOf } from './evidence-chart';
import { AlarmStateTag, AlarmWhat, DeadlineText, PeriodText, useNow } from './parts';
import { SheetActionModal } from './SheetActionModal';
import { isPrimaryAction, stepDetailRows } from './sheet-actions';
import { formatMultiple, sheetStepItems } from './sheet-format';

function limitText(limit: LimitSnapshot): string {
  const v = limit.value;
  return v.kind === 'max' ? `≤ ${v.max} ${limit.unit}` : `${v.lo} ~ ${v.hi} ${limit.unit}`;
}

function LimitCard({ limit }: { limit: LimitSnapshot | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t('alarms.detail.limit')} size="small" data-testid="alarm-limit">
      {limit ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('alarms.detail.limitSource')}>
            <div>
              <div>
                <Tag
                  color={limit.origin === 'permit' ? 'purple' : limit.origin === 'local' ? 'cyan' : 'blue'}
                >
                  {t(`alarms.detail.origin.${limit.origin}`, limit.origin)}
                </Tag>
                {limit.sourceCode}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {limit.sourceTitle}
              </Typography.Text>
            </div>
          </Descriptions.Item>
          {limit.clause && (
            <Descriptions.Item label={t('alarms.detail.clause')}>{limit.clause}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('alarms.detail.limitValue')}>
            <Typography.Text strong>{limitText(limit)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.detail.limitAveraging')}>
            {t(`alarms.detail.averaging.${limit.averaging}`, limit.averaging)}
          </Descriptions.Item>
          {limit.referenceO2 !== null && (
            <Descriptions.Item label={t('alarms.detail.referenceO2')}>{limit.referenceO2}%</Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('alarms.detail.limitNone')}</Typography.Text>
      )}
    </Card>
  );
}

/** A value of a step's detail as text: yes/no, labels of conclusions, instants in Shanghai time. */
function detailValue(t: TFunction, key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'conclusion') return t(`alarms.conclusion.${String(value)}`, String(value));
  if (key === 'deadlineAt') return formatDateTime(String(value));
  return String(value);
}

function StepsTimeline({ alarm }: { alarm: AlarmDetail }) {
  const { t } = useTranslation();
  if (alarm.steps.length === 0)
    return <Typography.Text type="secondary">{t('alarms.detail.noSteps')}</Typography.Text>;
  return (
    <Timeline
      data-testid="alarm-steps"
      items={alarm.steps.map((s) => ({
        color: s.action === 'escalate' ? 'red' : s.action === 'close' ? 'green' : 'blue',
        children: (
          <div data-testid="alarm-step" data-action={s.action}>
            <Space size={8} wrap>
              <Typography.Text strong>{t(`alarms.action.${s.action}`, s.action)}</Typography.Text>
              <Typography.Text type="secondary">
                {s.actorName ?? t('alarms.detail.system')}
                {s.actorRole ? ` · ${t(`roles.${s.actorRole}`, s.actorRole)}` : ''}
              </Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(s.at)}
              </Typography.Text>
            </div>
            {stepDetailRows(s.detail).map((row) => (
              <div key={row.key} style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
                <Typography.Text type="secondary">{t(`alarms.stepDetail.${row.key}`)}：</Typography.Text>
                {detailValue(t, row.key, row.value)}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

function EvidenceChart({ alarm }: { alarm: AlarmDetail }) {
  const { t } = useTranslation();
  const { unit } = usePollutants();
  const option = useMemo(
    () =>
      evidenceChartOption(
        {
          window: alarm.window,
          pollutant: alarm.pollutant,
          unit: alarm.limit?.unit ?? (alarm.pollutant ? unit(alarm.pollutant) : null),
          limit: alarm.limit,
          startedAt: alarm.startedAt,
          endedAt: alarm.endedAt,
          filings: alarm.filings.filter((f) => f.status === 'approved' || f.status === 'submitted'),
        },
        {
          avg: t('alarms.chart.avg'),
          zsAvg: t('alarms.chart.zsAvg'),
          o2: t('alarms.chart.o2'),
          invalid: t('alarms.chart.invalid'),
          flagged: t('alarms.chart.flagged'),
          limit: t('alarms.chart.limit'),
          limitLo: t('alarms.chart.limitLo'),
          limitHi: t('alarms.chart.limitHi'),
          alarmPeriod: t('alarms.chart.alarmPeriod'),
          filing: (kind) => t(`alarms.filings.kind.${kind}`, kind),
          flag: (code) => {
            const key = flagKey(code);
            return key ? `${code} ${t(key)}` : code;
          },
          reason: (code) => labelOr(t, reasonKey(code), code),
          time: formatDateTime,
        },
      ),
    [alarm, t, unit],
  );
  const hasData =
    alarm.window.series.length > 0 &&
    (alarm.pollutant === null || pointsOf(alarm.window.series, alarm.pollutant).length > 0);
  return hasData ? (
    <Chart option={option} height={380} testId="evidence-chart" />
  ) : (
    <Empty description={t('alarms.detail.noData')} />
  );
}

function FilingsTable({ filings }: { filings: AlarmFiling[] }) {
  const { t } = useTranslation();
  return (
    <Table<AlarmFiling>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={filings}
      columns={[
        {
          title: t('alarms.filings.kindLabel'),
          dataIndex: 'kind',
          render: (k: string) => t(`alarms.filings.kind.${k}`, k),
        },
        {
          title: t('alarms.filings.period'),
          key: 'period',
          render: (_, f) => <PeriodText from={f.startsAt} to={f.endsAt} />,
        },
        { title: t('alarms.filings.reason'), dataIndex: 'reason' },
        {
          title: t('alarms.filings.statusLabel'),
          dataIndex: 'status',
          render: (s: string) => t(`alarms.filings.status.${s}`, s),
        },
      ]}
    />
  );
}

/** 报警单详情: the sheet's progress and deadline, the verdict, the limit, the evidence, the steps, the actions. */
export default function AlarmDetailPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { id = '' } = useParams();
  const now = useNow();
  const { data: loaded, error, reload } = useApi((signal) => getAlarm(id, signal), [id]);
  const [fresh, setFresh] = useState<AlarmDetail>();
  const [action, setAction] = useState<SheetAction | null>(null);
  const alarm = fresh && String(fresh.id) === id ? fresh : loaded;
  // Someone else acted on this sheet (a notification about it was pushed): show the new state.
  const { latest } = useInbox().state;
  const sheetId = alarm?.sheet?.id;
  useEffect(() => {
    if (latest && sheetId !== undefined && latest.sheetId === sheetId) {
      setFresh(undefined);
      reload();
    }
  }, [latest, sheetId, reload]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!alarm) return <Loading />;
  const sheet = alarm.sheet;
  const steps = sheetStepItems(alarm);
  const current = steps.findIndex((s) => s.status === 'process');
  const multiple = formatMultiple(alarm.maxMultiple);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="alarm-title">
            {sheet ? sheet.number : `${t('alarms.detail.title')} #${alarm.id}`}
          </Typography.Title>
          <AlarmStateTag alarm={alarm} />
          <AlarmWhat alarm={alarm} />
        </Space>
        {sheet ? (
          <Steps
            size="small"
            current={current === -1 ? steps.length - 1 : current}
            style={{ marginBottom: 16 }}
            data-testid="alarm-progress"
            items={steps.map((s) => ({
              title: t(`alarms.stateStep.${s.state}`),
              status: s.status,
              description: s.at ? formatDateTime(s.at) : undefined,
            }))}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={alarm.filingId !== null ? t('alarms.detail.filedHint') : t('alarms.detail.noSheet')}
          />
        )}
        {sheet?.escalatedAt && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="supervision-notice"
            message={`${t('alarms.detail.supervision')} ${sheet.supervisionNumber ?? ''}`}
            description={t('alarms.detail.supervisionAt', { time: formatDateTime(sheet.escalatedAt) })}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }}>
          <Descriptions.Item label={t('alarms.column.enterprise')}>
            <Link to={`/enterprises/${alarm.enterprise.id}`}>{alarm.enterprise.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.column.outlet')}>
            <Link to={`/monitoring/outlets/${alarm.outlet.id}`}>
              {alarm.outlet.code} {alarm.outlet.name}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.detail.monitor')}>
            <Typography.Text code style={{ fontSize: 12 }}>
              {alarm.monitor.mn}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.detail.alarmPeriod')}>
            <PeriodText from={alarm.startedAt} to={alarm.endedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.detail.detectedAt')}>
            {formatDateTime(alarm.detectedAt)}
          </Descriptions.Item>
          {alarm.peak !== null && (
            <Descriptions.Item label={t('alarms.detail.peak')}>
              {formatValue(alarm.peak)} {alarm.limit?.unit ?? ''}
              {alarm.mean !== null && (
                <Typography.Text type="secondary">
                  {' '}
                  · {t('alarms.detail.mean')} {formatValue(alarm.mean)}
                </Typography.Text>
              )}
            </Descriptions.Item>
          )}
          {multiple && (
            <Descriptions.Item label={t('alarms.detail.maxMultiple')}>
              <Typography.Text type="danger" strong>
                {t('alarms.multiple', { value: multiple })}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {sheet && (
            <>
              <Descriptions.Item label={t('alarms.detail.dispatchedAt')}>
                {formatDateTime(sheet.dispatchedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('alarms.detail.deadline')}>
                <Space size={8} wrap>
                  <span>{formatDateTime(sheet.deadlineAt)}</span>
                  <DeadlineText sheet={sheet} now={now} />
                </Space>
              </Descriptions.Item>
              {sheet.respondedAt && (
                <Descriptions.Item label={t('alarms.detail.respondedAt')}>
                  {formatDateTime(sheet.respondedAt)}
                </Descriptions.Item>
              )}
              {sheet.deviceSuspected && (
                <Descriptions.Item label={t('alarms.detail.deviceSuspected')}>
                  <Tag color="orange">{t('common.yes')}</Tag>
                </Descriptions.Item>
              )}
              {sheet.conclusion && (
                <Descriptions.Item label={t('alarms.form.conclusion')}>
                  {t(`alarms.conclusion.${sheet.conclusion}`)}
                </Descriptions.Item>
              )}
            </>
          )}
        </Descriptions>
        {sheet && (
          <div style={{ marginTop: 8 }} data-testid="alarm-actions">
            {alarm.actions.length > 0 ? (
              <Space wrap>
                {alarm.actions.map((a) => (
                  <Button
                    key={a}
                    type={isPrimaryAction(a) ? 'primary' : 'default'}
                    onClick={() => setAction(a)}
                    data-testid={`action-${a}`}
                  >
                    {t(`alarms.action.${a}`)}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('alarms.detail.noActions')}</Typography.Text>
            )}
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('alarms.detail.verdict')} size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="alarm-verdict">
                {alarm.verdict}
              </Typography.Paragraph>
            </Card>
            <Card
              title={t('alarms.detail.evidence')}
              size="small"
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('alarms.detail.evidenceHint')}
                </Typography.Text>
              }
            >
              <EvidenceChart alarm={alarm} />
            </Card>
            {alarm.filings.length > 0 && (
              <Card title={t('alarms.detail.filings')} size="small">
                <FilingsTable filings={alarm.filings} />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <LimitCard limit={alarm.limit} />
            <Card title={t('alarms.detail.steps')} size="small">
              <StepsTimeline alarm={alarm} />
            </Card>
          </Space>
        </Col>
      </Row>
      <SheetActionModal
        alarm={alarm}
        action={action}
        onClose={() => setAction(null)}
        onDone={(detail) => setFresh(detail)}
        onConflict={() => {
          message.warning(t('alarms.detail.stale'));
          setFresh(undefined);
          reload();
        }}
      />
    </Space>
  );
}
