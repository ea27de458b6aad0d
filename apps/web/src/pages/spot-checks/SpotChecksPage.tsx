import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
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
  type Assignment,
  CONCLUSIONS,
  type Conclusion,
  createAssignment,
  createDraw,
  type Draw,
  type DrawSummary,
  type DrawVerification,
  getDraw,
  listAssignments,
  listCampaigns,
  listDraws,
  listReviewers,
  REVIEW_KINDS,
  type ReviewKind,
  submitOpinion,
  verifyDraw,
} from '../../api/campaigns';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { FormModal } from '../../components/FormModal';
import { useRegions } from '../../components/use-regions';
import { dayjs, formatDateTime, toDateString } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const PAGE_SIZE = 20;
const DRAWERS = new Set(['admin', 'city', 'district']);

/** The region prefix of a GB/T 2260 code (430900 → 4309), as the server scopes. */
const prefixOf = (code: string) =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;

interface DrawFormValues {
  campaignId: number;
  regionCode: string;
  share: number;
  seed?: string;
  note?: string;
}

function DrawModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (d: Draw) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { data: campaigns } = useApi((signal) => listCampaigns(signal), []);
  const districts = useRegions({ level: 'district' }).filter((r) =>
    r.code.startsWith(prefixOf(user.regionCode)),
  );
  const current = campaigns?.items.find((c) => c.status === 'current') ?? campaigns?.items[0];
  return (
    <FormModal<DrawFormValues, Draw>
      open={open && !!campaigns}
      title={t('spotChecks.draw.newTitle')}
      testId="draw-form"
      width={560}
      initialValues={{
        share: 50,
        ...(current ? { campaignId: current.id } : {}),
        ...(districts.length === 1 ? { regionCode: districts[0]!.code } : {}),
      }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        createDraw({
          campaignId: v.campaignId,
          regionCode: v.regionCode,
          share: Math.round(v.share) / 100,
          ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        })
      }
    >
      <Form.Item
        name="campaignId"
        label={t('spotChecks.draw.campaign')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={(campaigns?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('spotChecks.draw.region')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          options={districts.map((r) => ({ value: r.code, label: r.name }))}
          data-testid="draw-region"
        />
      </Form.Item>
      <Form.Item
        name="share"
        label={t('spotChecks.draw.share')}
        extra={t('spotChecks.draw.shareHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber
          min={1}
          max={100}
          step={5}
          addonAfter="%"
          style={{ width: 160 }}
          data-testid="draw-share"
        />
      </Form.Item>
      <Form.Item name="seed" label={t('spotChecks.draw.seed')} extra={t('spotChecks.draw.seedHint')}>
        <Input maxLength={64} allowClear />
      </Form.Item>
      <Form.Item name="note" label={t('spotChecks.draw.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

interface AssignFormValues {
  reviewerId: number;
  kind: ReviewKind;
  dueOn?: Dayjs | null;
}

function AssignModal({
  target,
  onClose,
  onSaved,
}: {
  target: { draw: Draw; enterprise: { id: number; name: string } } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { data: reviewers } = useApi((signal) => listReviewers(signal), []);
  return (
    <FormModal<AssignFormValues>
      open={!!target}
      title={t('spotChecks.assign.title', { name: target?.enterprise.name ?? '' })}
      testId="assign-form"
      width={520}
      initialValues={{ kind: 'onsite' }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        createAssignment({
          enterpriseId: target!.enterprise.id,
          reviewerId: v.reviewerId,
          kind: v.kind,
          drawId: target!.draw.id,
          dueOn: toDateString(v.dueOn ?? null),
        })
      }
    >
      <Form.Item
        name="reviewerId"
        label={t('spotChecks.assign.reviewer')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          options={(reviewers ?? []).map((r) => ({
            value: r.id,
            label: `${r.displayName}（${r.username}）`,
          }))}
          data-testid="assign-reviewer"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('spotChecks.assign.kind')} rules={[{ required: true }]}>
        <Radio.Group options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`spotChecks.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('spotChecks.assign.dueOn')}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
      </Form.Item>
    </FormModal>
  );
}

function DrawDetail({ id, onAssigned }: { id: number; onAssigned: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data: draw, error, loading } = useApi((signal) => getDraw(id, signal), [id]);
  const [verification, setVerification] = useState<DrawVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [assigning, setAssigning] = useState<{ id: number; name: string } | null>(null);
  if (error) return <ErrorState error={error} />;
  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await verifyDraw(id));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setVerifying(false);
    }
  };
  return (
    <Card
      title={t('spotChecks.draw.detail')}
      loading={loading || !draw}
      data-testid="draw-detail"
      extra={
        <Button onClick={verify} loading={verifying} data-testid="verify-draw">
          {t('spotChecks.draw.verify')}
        </Button>
      }
    >
      {draw && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('spotChecks.draw.seed')}>
              <Typography.Text code copyable data-testid="draw-seed">
                {draw.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.share')}>
              {Math.round(draw.share * 100)}%
            </Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.campaign')}>
              {draw.campaignName ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.region')}>{draw.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.population')}>
              {draw.populationSize}
            </Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.selected')}>{draw.selectedCount}</Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.drawnAt')}>
              {formatDateTime(draw.drawnAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('spotChecks.draw.drawnBy')}>
              {draw.drawnBy ?? t('common.none')}
            </Descriptions.Item>
            {draw.note && (
              <Descriptions.Item label={t('spotChecks.draw.note')} span={2}>
                {draw.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          {verification && verification.id === id && (
            <Alert
              showIcon
              type={verification.matches ? 'success' : 'error'}
              data-testid="verify-result"
              message={
                verification.matches
                  ? t('spotChecks.draw.verifyOk', { seed: verification.seed })
                  : t('spotChecks.draw.verifyFailed')
              }
            />
          )}
          <Typography.Text strong>{t('spotChecks.draw.selectedEnterprises')}</Typography.Text>
          <Table
            rowKey="id"
            size="small"
            dataSource={draw.selected}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="draw-selected"
            columns={[
              { title: t('spotChecks.assignment.enterprise'), dataIndex: 'name' },
              {
                title: t('spotChecks.assignment.industry'),
                dataIndex: 'industryZh',
                render: (v: string | null) => v ?? t('common.none'),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 110,
                render: (_, e) => (
                  <Button size="small" onClick={() => setAssigning({ id: e.id, name: e.name })}>
                    {t('spotChecks.assign.action')}
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      )}
      <AssignModal
        target={draw && assigning ? { draw, enterprise: assigning } : null}
        onClose={() => setAssigning(null)}
        onSaved={onAssigned}
      />
    </Card>
  );
}

function DrawsTab({ onAssigned }: { onAssigned: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(false);
  const { data, error, loading, reload } = useApi(
    (signal) => listDraws({ page, pageSize: PAGE_SIZE }, signal),
    [page],
  );
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={t('spotChecks.draw.list')}
          extra={
            <Button type="primary" onClick={() => setDrawing(true)} data-testid="new-draw">
              {t('spotChecks.draw.newTitle')}
            </Button>
          }
        >
          <Table<DrawSummary>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('spotChecks.draw.empty') }}
            data-testid="draw-list"
            onRow={(d) => ({ onClick: () => setSelected(d.id), style: { cursor: 'pointer' } })}
            rowClassName={(d) => (d.id === selected ? 'ant-table-row-selected' : '')}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            columns={[
              {
                title: t('spotChecks.draw.drawnAt'),
                dataIndex: 'drawnAt',
                render: (v: string) => formatDateTime(v),
              },
              { title: t('spotChecks.draw.region'), dataIndex: 'regionName' },
              {
                title: t('spotChecks.draw.selected'),
                key: 'n',
                render: (_, d) => `${d.selectedCount} / ${d.populationSize}`,
              },
              {
                title: t('spotChecks.draw.seed'),
                dataIndex: 'seed',
                render: (s: string) => <Typography.Text code>{s}</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        {selected ? (
          <DrawDetail id={selected} onAssigned={onAssigned} />
        ) : (
          <Card>
            <Typography.Text type="secondary">{t('spotChecks.draw.pick')}</Typography.Text>
          </Card>
        )}
      </Col>
      <DrawModal
        open={drawing}
        onClose={() => setDrawing(false)}
        onSaved={(d) => {
          message.success(
            t('spotChecks.draw.done', { selected: d.selectedCount, population: d.populationSize }),
          );
          setPage(1);
          reload();
          setSelected(d.id);
        }}
      />
    </Row>
  );
}

interface OpinionFormValues {
  opinion: string;
  conclusion: Conclusion;
}

function AssignmentTable({ expert, refresh }: { expert: boolean; refresh: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [writing, setWriting] = useState<Assignment | null>(null);
  const { data, error, loading, reload } = useApi(
    (signal) => listAssignments({ page, pageSize: PAGE_SIZE }, signal),
    [page, refresh],
  );
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Table<Assignment>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('spotChecks.assignment.empty') }}
        data-testid="assignment-list"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        expandable={{
          rowExpandable: (a) => !!a.opinion,
          expandedRowRender: (a) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {a.opinion}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('spotChecks.assignment.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('spotChecks.assignment.district'), dataIndex: 'regionName', width: 100 },
          {
            title: t('spotChecks.assignment.industry'),
            dataIndex: 'industryZh',
            width: 120,
            render: (v: string | null) => v ?? t('common.none'),
          },
          ...(expert
            ? []
            : [{ title: t('spotChecks.assignment.reviewer'), dataIndex: 'reviewerName', width: 120 }]),
          {
            title: t('spotChecks.assignment.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: ReviewKind) => t(`spotChecks.kind.${k}`),
          },
          {
            title: t('spotChecks.assignment.dueOn'),
            dataIndex: 'dueOn',
            width: 180,
            render: (d: string | null, a) => (
              <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                {d ?? t('common.none')}
                {a.overdue && <Tag color="red">{t('spotChecks.assignment.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('spotChecks.assignment.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Assignment['status']) => (
              <Tag color={s === 'submitted' ? 'success' : 'processing'}>{t(`spotChecks.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('spotChecks.assignment.conclusion'),
            dataIndex: 'conclusion',
            width: 140,
            render: (c: Conclusion | null) =>
              c ? (
                <Tag color={c === 'compliant' ? 'green' : c === 'problems_found' ? 'orange' : 'red'}>
                  {t(`spotChecks.conclusion.${c}`)}
                </Tag>
              ) : (
                t('common.none')
              ),
          },
          ...(expert
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, a: Assignment) =>
                    a.status === 'assigned' ? (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setWriting(a)}
                        data-testid={`write-opinion-${a.id}`}
                      >
                        {t('spotChecks.assignment.write')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FormModal<OpinionFormValues>
        open={!!writing}
        title={t('spotChecks.assignment.opinionTitle', { name: writing?.enterpriseName ?? '' })}
        testId="opinion-form"
        width={640}
        initialValues={{ conclusion: 'compliant' }}
        onClose={() => setWriting(null)}
        onSaved={reload}
        onSubmit={(v) =>
          submitOpinion(writing!.id, {
            opinion: v.opinion,
            conclusion: v.conclusion,
            version: writing!.version,
          })
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('spotChecks.assignment.opinionHint')}
        />
        <Form.Item
          name="conclusion"
          label={t('spotChecks.assignment.conclusion')}
          rules={[{ required: true }]}
        >
          <Radio.Group
            options={CONCLUSIONS.map((c) => ({ value: c, label: t(`spotChecks.conclusion.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="opinion"
          label={t('spotChecks.assignment.opinion')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount data-testid="opinion-text" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 抽查与评审: government draws and assigns reviewers; an expert writes the opinions of its assignments. */
export default function SpotChecksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [refresh, setRefresh] = useState(0);
  const expert = user.role === 'expert';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="spot-checks-page">
      <div>
        <Typography.Title level={4} style={{ marginBottom: 0 }}>
          {t('spotChecks.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('spotChecks.subtitle')}</Typography.Text>
      </div>
      {expert ? (
        <Card title={t('spotChecks.tabs.mine')}>
          <AssignmentTable expert refresh={refresh} />
        </Card>
      ) : (
        <Tabs
          items={[
            ...(DRAWERS.has(user.role)
              ? [
                  {
                    key: 'draws',
                    label: t('spotChecks.tabs.draws'),
                    children: <DrawsTab onAssigned={() => setRefresh((n) => n + 1)} />,
                  },
                ]
              : []),
            {
              key: 'assignments',
              label: t('spotChecks.tabs.assignments'),
              children: <AssignmentTable expert={false} refresh={refresh} />,
            },
          ]}
        />
      )}
    </Space>
  );
}
