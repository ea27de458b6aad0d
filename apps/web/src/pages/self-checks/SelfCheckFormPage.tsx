import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { pointerToPath } from '../../api/problem';
import {
  type FormField,
  type FormFieldsBlock,
  type FormTableBlock,
  getSelfCheck,
  getSelfCheckForm,
  listSelfCheckVersions,
  reviewSelfCheck,
  reviseSelfCheck,
  type SelfCheck,
  type SelfCheckForm,
  saveSelfCheck,
  selfCheckExportUrl,
  submitSelfCheck,
} from '../../api/self-checks';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { SelfCheckStatusTag } from './SelfCheckListPage';

type Name = (string | number)[];
const partsOf = (pointer: string): string[] => pointer.split('/').filter(Boolean);
const testId = (name: Name) => `sc-${name.join('-')}`;

/** One control; Form.Item injects `value`/`onChange`/`id`, passed on to the antd input. */
function FieldInput({ field, name, ...control }: { field: FormField; name: Name; [prop: string]: unknown }) {
  const { t } = useTranslation();
  const props = { ...control, 'data-testid': testId(name) };
  switch (field.kind) {
    case 'yesNo':
      return (
        <Radio.Group {...props}>
          <Radio value={true}>{t('selfChecks.yes')}</Radio>
          <Radio value={false}>{t('selfChecks.no')}</Radio>
        </Radio.Group>
      );
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} {...props} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} {...props} />;
    case 'date':
      return <Input placeholder="YYYY-MM-DD" {...props} />;
    default:
      return <Input {...props} />;
  }
}

/** The explanation asked for by "若选‘否’, 说明…", shown only when that answer is chosen. */
function Explanation({
  field,
  base,
  nameBase = base,
  compact,
}: {
  field: FormField;
  /** Absolute path of the object holding the answer (what getFieldValue reads). */
  base: Name;
  /** The same path as a Form.Item name sees it (relative inside a Form.List). */
  nameBase?: Name;
  compact?: boolean;
}) {
  const explain = field.explain;
  if (!explain) return null;
  const input = (
    <Form.Item
      name={[...nameBase, explain.key]}
      label={compact ? undefined : explain.label}
      style={compact ? { margin: '4px 0 0' } : {}}
    >
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={compact ? explain.label : undefined}
        data-testid={testId([...base, explain.key])}
      />
    </Form.Item>
  );
  // Appears only when the answer that needs it is chosen (getFieldValue reads the absolute path).
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) =>
        getFieldValue([...base, field.key]) === (explain.when === 'yes') ? input : null
      }
    </Form.Item>
  );
}

function FieldsBlock({ block, applies }: { block: FormFieldsBlock; applies: boolean }) {
  const { t } = useTranslation();
  const base = partsOf(block.path);
  const single = block.fields.length === 1 && block.fields[0]!.label === block.heading;
  return (
    <div style={{ marginBottom: 16 }}>
      {block.heading && (
        <Typography.Title level={5}>
          {block.heading}
          {block.hint && <Typography.Text type="secondary"> ({block.hint})</Typography.Text>}
        </Typography.Title>
      )}
      {!applies && (
        <Typography.Paragraph type="secondary">
          {block.appliesWhen === 'online'
            ? t('selfChecks.onlineNotApplicable')
            : t('selfChecks.notApplicable')}
        </Typography.Paragraph>
      )}
      {block.fields.map((f) => (
        <div key={f.key}>
          <Form.Item
            name={[...base, f.key]}
            label={single ? undefined : f.group ? `${f.group} · ${f.label}` : f.label}
            required={applies && f.required}
            {...(f.hint && !single ? { extra: f.hint } : {})}
          >
            <FieldInput field={f} name={[...base, f.key]} />
          </Form.Item>
          <Explanation field={f} base={base} />
        </div>
      ))}
    </div>
  );
}

function TableBlock({
  block,
  applies,
  editable,
}: {
  block: FormTableBlock;
  applies: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const listName = partsOf(block.path);
  return (
    <div style={{ marginBottom: 16 }} data-testid={`sc-table-${listName.join('-')}`}>
      <Typography.Title level={5}>{block.heading}</Typography.Title>
      {!applies && block.minRowsWhen !== 'never' && (
        <Typography.Paragraph type="secondary">{t('selfChecks.notApplicable')}</Typography.Paragraph>
      )}
      <Form.List name={listName}>
        {(rows, { add, remove }, { errors }) => {
          const disabled = !editable;
          const cell = (c: FormField) => ({
            title: c.label,
            key: c.key,
            width: c.kind === 'yesNo' ? 200 : 160,
            render: (_: unknown, row: { name: number }) => (
              <>
                <Form.Item name={[row.name, c.key]} style={{ margin: 0 }}>
                  <FieldInput field={c} name={[...listName, row.name, c.key]} />
                </Form.Item>
                {c.explain && (
                  <Explanation field={c} base={[...listName, row.name]} nameBase={[row.name]} compact />
                )}
              </>
            ),
          });
          const columns: ColumnsType<{ name: number; key: number }> = [
            { title: '序号', key: 'no', width: 56, fixed: 'left', render: (_, __, i) => i + 1 },
          ];
          for (const c of block.columns) {
            const last = columns[columns.length - 1] as { title?: unknown; children?: unknown[] };
            if (c.group && last?.title === c.group && last.children) last.children.push(cell(c));
            else if (c.group) columns.push({ title: c.group, key: c.group, children: [cell(c)] });
            else columns.push(cell(c));
          }
          if (!disabled) {
            columns.push({
              title: '',
              key: 'remove',
              width: 70,
              fixed: 'right',
              render: (_, row) => (
                <Button
                  type="link"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(row.name)}
                  aria-label={t('selfChecks.removeRow')}
                />
              ),
            });
          }
          return (
            <>
              <Table
                rowKey="key"
                size="small"
                bordered
                pagination={false}
                dataSource={rows}
                columns={columns}
                scroll={{ x: 'max-content' }}
              />
              <Form.ErrorList errors={errors} />
              {!disabled && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  style={{ marginTop: 8 }}
                  data-testid={`sc-add-${listName.join('-')}`}
                >
                  {t('selfChecks.addRow')}
                </Button>
              )}
            </>
          );
        }}
      </Form.List>
    </div>
  );
}

function applies(when: string, a: SelfCheck['applicability']): boolean {
  if (when === 'always') return true;
  if (when === 'never') return false;
  return a[when as keyof SelfCheck['applicability']] === true;
}

/** 五: the district's review form (approve or return), or the review once given. */
function ReviewPanel({
  view,
  definition,
  canReview,
  onDone,
}: {
  view: SelfCheck;
  definition: SelfCheckForm;
  canReview: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const decision = Form.useWatch('decision', form);
  if (view.review) {
    return (
      <Card title={definition.review.heading} style={{ marginTop: 16 }} data-testid="sc-review-result">
        <Descriptions column={1} bordered size="small">
          {definition.review.fields.map((f) => (
            <Descriptions.Item key={f.key} label={f.label}>
              {view.review?.[f.key] ?? ''}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('selfChecks.reviewDone', {
            decision: view.decision === 'approve' ? t('selfChecks.approve') : t('selfChecks.returnIt'),
            name: view.reviewerName ?? '',
            at: formatDateTime(view.reviewedAt),
          })}
          {view.returnReason ? ` — ${view.returnReason}` : ''}
        </Typography.Paragraph>
      </Card>
    );
  }
  if (!canReview || view.status !== 'submitted') return null;
  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await reviewSelfCheck(view.id, {
        decision: values.decision as 'approve' | 'return',
        review: (values.review ?? {}) as Record<string, string>,
        reviewerName: String(values.reviewerName ?? ''),
        ...(values.decision === 'return' ? { reason: String(values.reason ?? '') } : {}),
        version: view.version,
      });
      message.success(t('selfChecks.reviewed'));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        form.setFields(err.errors.map((e) => ({ name: pointerToPath(e.path), errors: [e.message] })));
      }
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={definition.review.heading} style={{ marginTop: 16 }} data-testid="sc-review-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'approve' }}>
        {definition.review.fields.map((f) => (
          <Form.Item key={f.key} name={['review', f.key]} label={f.label} required>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid={`sc-review-${f.key}`} />
          </Form.Item>
        ))}
        <Form.Item name="decision" label={t('selfChecks.decision')} required>
          <Radio.Group data-testid="sc-review-decision">
            <Radio value="approve">{t('selfChecks.approve')}</Radio>
            <Radio value="return">{t('selfChecks.returnIt')}</Radio>
          </Radio.Group>
        </Form.Item>
        {decision === 'return' && (
          <Form.Item name="reason" label={t('selfChecks.reason')} required>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="sc-review-reason" />
          </Form.Item>
        )}
        <Form.Item name="reviewerName" label={definition.signatures.reviewedBy} required>
          <Input style={{ maxWidth: 240 }} data-testid="sc-review-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="sc-review-submit">
          {t('selfChecks.reviewSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

function FormBody({
  view,
  definition,
  reload,
}: {
  view: SelfCheck;
  definition: SelfCheckForm;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<string[]>([]);
  const [signing, setSigning] = useState(false);
  const [signer, setSigner] = useState('');
  const [signerError, setSignerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const marked = useRef<Name[]>([]);
  const versions = useApi((signal) => listSelfCheckVersions(view.id, signal), [view.id, view.version]);
  const own = user.role === 'enterprise' && user.enterpriseId === view.enterpriseId;
  const editable = own && view.status === 'draft';
  const latest = view.versionNo === view.latestVersionNo;

  const showProblems = (err: unknown) => {
    if (err instanceof ApiError && err.status === 422 && err.errors.length) {
      const contentErrors = err.errors.filter((e) => e.path.startsWith('/content/'));
      // Clear earlier marks: the server lists what is still missing.
      form.setFields(marked.current.map((name) => ({ name, errors: [] })));
      marked.current = contentErrors.map((e) => pointerToPath(e.path).slice(1));
      form.setFields(contentErrors.map((e, k) => ({ name: marked.current[k]!, errors: [e.message] })));
      setProblems(err.errors.map((e) => e.message));
      setSignerError(err.errors.find((e) => e.path === '/signerName')?.message ?? null);
      return err.errors.every((e) => e.path === '/signerName');
    }
    message.error(errorMessage(t, err));
    return false;
  };
  const save = async () => {
    const saved = await saveSelfCheck(view.id, form.getFieldsValue(true), view.version);
    return saved;
  };
  const onSave = async () => {
    setBusy(true);
    try {
      await save();
      message.success(t('selfChecks.saved'));
      setProblems([]);
      reload();
    } catch (err) {
      showProblems(err);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = async () => {
    setBusy(true);
    try {
      const saved = await save();
      try {
        await submitSelfCheck(view.id, signer, saved.version);
        message.success(t('selfChecks.submitted'));
        setSigning(false);
        setProblems([]);
        reload();
      } catch (err) {
        const onlySigner = showProblems(err);
        if (!onlySigner) setSigning(false);
        reload();
      }
    } catch (err) {
      showProblems(err);
      setSigning(false);
    } finally {
      setBusy(false);
    }
  };
  const onRevise = async () => {
    setBusy(true);
    try {
      const next = await reviseSelfCheck(view.id, view.version);
      message.success(t('selfChecks.revised'));
      navigate(`/self-checks/${next.id}`);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card>
        <Space style={{ display: 'flex', justifyContent: 'space-between' }} wrap align="start">
          <div>
            <Link to="/self-checks">{t('selfChecks.back')}</Link>
            <Typography.Title level={4} style={{ margin: '8px 0' }} data-testid="sc-title">
              {definition.title.replace('{{year}}', String(view.campaignYear))}
            </Typography.Title>
            <Space wrap>
              <Typography.Text strong>{view.enterpriseName}</Typography.Text>
              <Typography.Text type="secondary">{view.campaignName}</Typography.Text>
              <SelfCheckStatusTag status={view.status} />
            </Space>
          </div>
          <Space wrap>
            <Select
              style={{ width: 200 }}
              value={view.id}
              data-testid="sc-version"
              options={(versions.data?.items ?? [view]).map((v) => ({
                value: v.id,
                label: `${t('selfChecks.versionLabel', { n: v.versionNo })} · ${t(`selfChecks.status.${v.status}`)}`,
              }))}
              onChange={(id: number) => navigate(`/self-checks/${id}`)}
            />
            <Button icon={<DownloadOutlined />} href={selfCheckExportUrl(view.id)} data-testid="sc-download">
              {t('selfChecks.download')}
            </Button>
            {editable && (
              <>
                <Button onClick={onSave} loading={busy} data-testid="sc-save">
                  {t('selfChecks.save')}
                </Button>
                <Button type="primary" onClick={() => setSigning(true)} data-testid="sc-submit">
                  {t('selfChecks.submit')}
                </Button>
              </>
            )}
            {own && latest && view.status !== 'draft' && (
              <Button onClick={onRevise} loading={busy} data-testid="sc-revise">
                {t('selfChecks.revise')}
              </Button>
            )}
          </Space>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={definition.signatures.filledBy}>
            {view.filledByName ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={definition.signatures.filledOn}>
            {formatDateTime(view.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={definition.signatures.reviewedBy}>
            {view.reviewerName ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={definition.signatures.reviewedOn}>
            {formatDateTime(view.reviewedAt)}
          </Descriptions.Item>
        </Descriptions>
        {view.status === 'returned' && view.returnReason && (
          <Alert type="error" showIcon message={t('selfChecks.returnedBy', { reason: view.returnReason })} />
        )}
        {!latest && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            message={t('selfChecks.notLatest', { n: view.versionNo, latest: view.latestVersionNo })}
          />
        )}
        {!editable && (
          <Alert
            type="info"
            style={{ marginTop: 8 }}
            message={t('selfChecks.readOnly', { status: t(`selfChecks.status.${view.status}`) })}
          />
        )}
        {editable && <Alert type="info" style={{ marginTop: 8 }} message={t('selfChecks.prefillNote')} />}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="sc-problems"
            message={t('selfChecks.missingTitle', { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflow: 'auto' }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={view.content}
        key={`${view.id}-${view.version}`}
      >
        {definition.sections.map((s) => (
          <Card key={s.key} title={s.heading} style={{ marginTop: 16 }} data-testid={`sc-section-${s.key}`}>
            {s.blocks.map((b) =>
              b.kind === 'table' ? (
                <TableBlock
                  key={b.path}
                  block={b}
                  applies={applies(b.minRowsWhen, view.applicability)}
                  editable={editable}
                />
              ) : (
                <FieldsBlock key={b.path} block={b} applies={applies(b.appliesWhen, view.applicability)} />
              ),
            )}
          </Card>
        ))}
      </Form>
      <ReviewPanel
        view={view}
        definition={definition}
        canReview={['admin', 'city', 'district'].includes(user.role)}
        onDone={reload}
      />
      <Modal
        open={signing}
        title={t('selfChecks.submitTitle')}
        onCancel={() => setSigning(false)}
        onOk={onSubmit}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'sc-submit-confirm' } as never}
      >
        <Typography.Paragraph>{t('selfChecks.submitHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item
            label={definition.signatures.filledBy}
            required
            validateStatus={signerError ? 'error' : ''}
            help={signerError ?? undefined}
          >
            <Input value={signer} onChange={(e) => setSigner(e.target.value)} data-testid="sc-signer" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 自查表 (附件2): the whole form in sections; draft editing, submission, versions, the district's review. */
export default function SelfCheckFormPage() {
  const { id } = useParams();
  const numericId = Number(id);
  const view = useApi((signal) => getSelfCheck(numericId, signal), [numericId]);
  const definition = useApi((signal) => getSelfCheckForm(signal), []);
  if (view.error && !view.data) return <ErrorState error={view.error} onRetry={view.reload} />;
  if (definition.error && !definition.data)
    return <ErrorState error={definition.error} onRetry={definition.reload} />;
  if (!view.data || !definition.data) return <Loading />;
  return <FormBody view={view.data} definition={definition.data} reload={view.reload} />;
}
