import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import {
  applySignOff,
  type EvidenceItem,
  getProblem,
  PROBLEM_HANDLINGS,
  PROBLEM_TYPES,
  type ProblemDetail,
  type ProblemHandling,
  type ProblemType,
  patchProblem,
  type SignOff,
  type SignOffStatus,
  signOffFormUrl,
  verifySignOff,
} from '../../api/ledgers';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { Loading } from '../../components/Loading';
import { formatDateTime, fromDateString, toDateString } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { STATUS_COLORS } from './RectificationLedgerPage';

const ROUND_COLORS: Record<SignOffStatus, string> = {
  applied: 'blue',
  district_verified: 'cyan',
  closed: 'green',
  district_refused: 'red',
  city_refused: 'red',
};

interface EditValues {
  type: ProblemType;
  description: string;
  handling?: ProblemHandling | null;
  caseDocumentNo?: string;
  penaltyRequirement?: string;
  penaltyExecution?: string;
  planStatus?: string;
  measures?: string;
  deadlineOn?: Dayjs;
  recheckReportNo?: string;
}

function EditModal({
  problem,
  open,
  onClose,
  onSaved,
}: {
  problem: ProblemDetail;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const area = (name: keyof EditValues, rows = 2) => (
    <Form.Item name={name} label={t(`ledgers.col.${name}`)}>
      <Input.TextArea rows={rows} maxLength={4000} />
    </Form.Item>
  );
  return (
    <FormModal<EditValues>
      open={open}
      title={t('ledgers.detail.editColumns')}
      width={720}
      testId="problem-edit-form"
      initialValues={{
        type: problem.type,
        description: problem.description,
        handling: problem.handling,
        caseDocumentNo: problem.caseDocumentNo ?? '',
        penaltyRequirement: problem.penaltyRequirement ?? '',
        penaltyExecution: problem.penaltyExecution ?? '',
        planStatus: problem.planStatus ?? '',
        measures: problem.measures ?? '',
        ...(problem.deadlineOn ? { deadlineOn: fromDateString(problem.deadlineOn) } : {}),
        recheckReportNo: problem.recheckReportNo ?? '',
      }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        patchProblem(problem.id, {
          version: problem.version,
          type: v.type,
          description: v.description,
          handling: v.handling ?? null,
          caseDocumentNo: v.caseDocumentNo ?? null,
          penaltyRequirement: v.penaltyRequirement ?? null,
          penaltyExecution: v.penaltyExecution ?? null,
          planStatus: v.planStatus ?? null,
          measures: v.measures ?? null,
          deadlineOn: toDateString(v.deadlineOn),
          recheckReportNo: v.recheckReportNo ?? null,
        })
      }
    >
      <Space size={16} wrap>
        <Form.Item name="type" label={t('ledgers.type')} rules={[{ required: true }]}>
          <Select
            style={{ width: 240 }}
            options={PROBLEM_TYPES.map((k) => ({ value: k, label: t(`ledgers.problemType.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="handling" label={t('ledgers.handling')}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={PROBLEM_HANDLINGS.map((k) => ({ value: k, label: t(`ledgers.handlingKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('ledgers.col.deadlineOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item
        name="description"
        label={t('ledgers.description')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="caseDocumentNo" label={t('ledgers.col.caseDocumentNo')}>
        <Input maxLength={200} />
      </Form.Item>
      {area('penaltyRequirement')}
      {area('penaltyExecution')}
      {area('planStatus')}
      {area('measures', 3)}
      <Form.Item name="recheckReportNo" label={t('ledgers.col.recheckReportNo')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface ApplyValues {
  measuresTaken: string;
  completion: string;
  evidence: EvidenceItem[];
  applicantName: string;
}

function ApplyModal({
  problem,
  open,
  onClose,
  onSaved,
}: {
  problem: ProblemDetail;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormModal<ApplyValues>
      open={open}
      title={t('ledgers.detail.apply')}
      width={680}
      testId="sign-off-apply-form"
      initialValues={{
        measuresTaken: problem.measures ?? '',
        evidence: [{ name: '', note: '' }],
        applicantName: user.displayName,
      }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        applySignOff(problem.id, {
          measuresTaken: v.measuresTaken,
          completion: v.completion,
          evidence: (v.evidence ?? [])
            .filter((e) => e?.name?.trim())
            .map((e) => ({ name: e.name.trim(), ...(e.note?.trim() ? { note: e.note.trim() } : {}) })),
          applicantName: v.applicantName,
        })
      }
    >
      <Form.Item name="measuresTaken" label={t('ledgers.detail.measuresTaken')} rules={required}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="completion" label={t('ledgers.detail.completion')} rules={required}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('ledgers.detail.evidence')} required>
        <Form.List
          name="evidence"
          rules={[
            {
              validator: async (_, items: EvidenceItem[] | undefined) => {
                if (!items?.some((e) => e?.name?.trim()))
                  throw new Error(t('ledgers.detail.evidenceRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}>
                    <Input
                      placeholder={t('ledgers.detail.evidenceName')}
                      maxLength={200}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                    <Input
                      placeholder={t('ledgers.detail.evidenceNote')}
                      maxLength={1000}
                      style={{ width: 300 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', note: '' })}>
                {t('ledgers.detail.addEvidence')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="applicantName" label={t('ledgers.detail.applicant')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

interface VerifyValues {
  decision: 'approve' | 'refuse';
  opinion: string;
  verifierName: string;
}

function VerifyModal({
  round,
  level,
  onClose,
  onSaved,
  onConflict,
}: {
  round: SignOff | null;
  level: 'district' | 'city';
  onClose: () => void;
  onSaved: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormModal<VerifyValues>
      open={round !== null}
      title={level === 'district' ? t('ledgers.detail.districtVerify') : t('ledgers.detail.cityVerify')}
      width={600}
      testId={`sign-off-${level}-verify-form`}
      initialValues={{ decision: 'approve', verifierName: user.displayName }}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={async (v) => {
        try {
          return await verifySignOff(round!.id, level, { ...v, version: round!.version });
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) onConflict();
          throw err;
        }
      }}
    >
      <Form.Item name="decision" label={t('ledgers.detail.decision')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'approve', label: t('ledgers.detail.approve') },
            { value: 'refuse', label: t('ledgers.detail.refuse') },
          ]}
          data-testid="verify-decision"
        />
      </Form.Item>
      <Form.Item name="opinion" label={t('ledgers.detail.opinion')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="verify-opinion" />
      </Form.Item>
      <Form.Item name="verifierName" label={t('ledgers.detail.verifierName')} rules={required}>
        <Input maxLength={100} data-testid="verify-name" />
      </Form.Item>
    </FormModal>
  );
}

function RoundItem({ round }: { round: SignOff }) {
  const { t } = useTranslation();
  return (
    <div data-testid="sign-off-round">
      <Space wrap>
        <Typography.Text strong>{t('ledgers.detail.round', { n: round.round })}</Typography.Text>
        <Tag color={ROUND_COLORS[round.status]}>{t(`ledgers.signOffStatus.${round.status}`)}</Tag>
        <Button size="small" type="link" icon={<DownloadOutlined />} href={signOffFormUrl(round.id)}>
          {t('ledgers.detail.downloadForm')}
        </Button>
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('ledgers.detail.applicant')}>
          {round.applicantName} · {formatDateTime(round.appliedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('ledgers.detail.measuresTaken')}>{round.measuresTaken}</Descriptions.Item>
        <Descriptions.Item label={t('ledgers.detail.completion')}>{round.completion}</Descriptions.Item>
        <Descriptions.Item label={t('ledgers.detail.evidence')}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {round.evidence.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id and never reorder.
              <li key={i}>
                {e.name}
                {e.note ? `（${e.note}）` : ''}
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        {round.districtVerifiedAt && (
          <Descriptions.Item label={t('ledgers.detail.districtOpinion')}>
            {round.districtOpinion} — {round.districtVerifier} ·{' '}
            {formatDateTime(round.districtVerifiedAt).slice(0, 10)}
          </Descriptions.Item>
        )}
        {round.cityVerifiedAt && (
          <Descriptions.Item label={t('ledgers.detail.cityOpinion')}>
            {round.cityOpinion} — {round.cityVerifier} · {formatDateTime(round.cityVerifiedAt).slice(0, 10)}
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}

/** One problem of the rectification ledger: its ledger columns and its sign-off rounds (附件4). */
export default function ProblemDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: p, error, reload } = useApi((signal) => getProblem(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [applying, setApplying] = useState(false);
  const [verifying, setVerifying] = useState<'district' | 'city' | null>(null);
  if (error && !p) return <ErrorState error={error} onRetry={reload} />;
  if (!p) return <Loading />;
  const latest = p.signOffs.at(-1) ?? null;
  const has = (a: ProblemDetail['actions'][number]) => p.actions.includes(a);
  const v = (s: string | null) => s || t('common.none');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space style={{ display: 'flex', justifyContent: 'space-between' }} wrap>
          <Space align="baseline" wrap>
            <Link to="/ledgers/rectification">{t('ledgers.detail.back')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('ledgers.detail.title', { id: p.id })} · {p.enterpriseName}
            </Typography.Title>
            <Tag color={STATUS_COLORS[p.status]} data-testid="problem-status">
              {t(`ledgers.problemStatus.${p.status}`)}
            </Tag>
          </Space>
          <Space wrap>
            {has('edit') && (
              <Button onClick={() => setEditing(true)} data-testid="problem-edit">
                {t('ledgers.detail.editColumns')}
              </Button>
            )}
            {has('apply') && (
              <Button type="primary" onClick={() => setApplying(true)} data-testid="sign-off-apply">
                {t('ledgers.detail.apply')}
              </Button>
            )}
            {has('district_verify') && (
              <Button
                type="primary"
                onClick={() => setVerifying('district')}
                data-testid="sign-off-district-verify"
              >
                {t('ledgers.detail.districtVerify')}
              </Button>
            )}
            {has('city_verify') && (
              <Button type="primary" onClick={() => setVerifying('city')} data-testid="sign-off-city-verify">
                {t('ledgers.detail.cityVerify')}
              </Button>
            )}
          </Space>
        </Space>
        {p.followUpDueOn && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            message={t('ledgers.detail.followUp', { date: p.followUpDueOn })}
          />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('ledgers.col.enterpriseName')}>
            <Link to={`/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link>（{p.creditCode}）
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.regionName')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.controlLevel')}>
            {t(`ledgers.control.${p.controlLevel}`, { defaultValue: p.controlLevel })}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.industry')}>{v(p.industry)}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.type')}>
            {t(`ledgers.problemType.${p.type}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.source')}>
            {t(`ledgers.sourceKind.${p.source}`)}
            {p.alarmSheetId ? ` · ${t('ledgers.detail.alarmSheet')} #${p.alarmSheetId}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.description')} span={2}>
            {p.description}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.foundOn')}>{p.foundOn}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.handling')}>
            {p.handling ? t(`ledgers.handlingKind.${p.handling}`) : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.caseDocumentNo')}>{v(p.caseDocumentNo)}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.deadlineOn')}>{v(p.deadlineOn)}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.penaltyRequirement')}>
            {v(p.penaltyRequirement)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.penaltyExecution')}>
            {v(p.penaltyExecution)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.planStatus')}>{v(p.planStatus)}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.measures')}>{v(p.measures)}</Descriptions.Item>
          <Descriptions.Item label={t('ledgers.col.recheckReportNo')}>
            {v(p.recheckReportNo)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledgers.detail.closedAt')}>
            {formatDateTime(p.closedAt) || t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('ledgers.detail.signOffs')}>
        {p.signOffs.length ? (
          <Timeline
            items={p.signOffs.map((r) => ({
              color: ROUND_COLORS[r.status],
              children: <RoundItem round={r} />,
            }))}
          />
        ) : (
          <Empty description={t('ledgers.detail.noSignOffs')} />
        )}
      </Card>
      <EditModal problem={p} open={editing} onClose={() => setEditing(false)} onSaved={reload} />
      <ApplyModal problem={p} open={applying} onClose={() => setApplying(false)} onSaved={reload} />
      <VerifyModal
        round={verifying ? latest : null}
        level={verifying ?? 'district'}
        onClose={() => setVerifying(null)}
        onSaved={reload}
        onConflict={reload}
      />
    </Space>
  );
}
