import { App as AntApp, Button, Card, Form, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnomalyRule,
  getAnomalyRules,
  getSeriousRule,
  putAnomalyRules,
  putSeriousRule,
  type SeriousRule,
} from '../../api/alarms';
import { ApiError } from '../../api/client';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/Loading';
import { useApi } from '../../utils/use-api';
import { setRuleParam } from './settings';

function AnomalyRules({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data, error, reload } = useApi((signal) => getAnomalyRules(signal), []);
  const [rules, setRules] = useState<AnomalyRule[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => setRules(data?.rules ?? []), [data]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const update = (code: string, patch: Partial<AnomalyRule>) =>
    setRules((all) => all.map((r) => (r.code === code ? { ...r, ...patch } : r)));

  const save = async () => {
    setSaving(true);
    try {
      const next = await putAnomalyRules(rules);
      setRules(next.rules);
      message.success(t('common.saved'));
    } catch (err) {
      const detail =
        err instanceof ApiError && err.errors.length
          ? err.errors.map((e) => e.message).join('；')
          : errorMessage(t, err);
      message.error(detail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={t('alarms.settings.anomalyRules')}
      extra={
        editable && (
          <Button type="primary" loading={saving} onClick={save} data-testid="rules-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('alarms.settings.anomalyHint')}
      </Typography.Paragraph>
      <Table<AnomalyRule>
        rowKey="code"
        size="middle"
        pagination={false}
        dataSource={rules}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('alarms.settings.rule'),
            dataIndex: 'code',
            width: 260,
            render: (code: string) => (
              <div style={{ lineHeight: 1.3 }}>
                <div>{t(`alarms.rule.${code}`, code)}</div>
                <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                  {code}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('alarms.settings.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (enabled: boolean, r) => (
              <Switch
                checked={enabled}
                disabled={!editable}
                onChange={(v) => update(r.code, { enabled: v })}
              />
            ),
          },
          {
            title: t('alarms.settings.minHours'),
            dataIndex: 'minHours',
            width: 130,
            render: (v: number, r) => (
              <InputNumber
                min={1}
                max={720}
                precision={0}
                value={v}
                disabled={!editable}
                onChange={(n) => n !== null && update(r.code, { minHours: n })}
                style={{ width: 90 }}
              />
            ),
          },
          {
            title: t('alarms.settings.params'),
            key: 'params',
            render: (_, r) => (
              <Space wrap size={[12, 6]}>
                {Object.entries(r.params).map(([key, value]) => (
                  <Space key={key} size={4}>
                    <Typography.Text code style={{ fontSize: 12 }}>
                      {key}
                    </Typography.Text>
                    <InputNumber
                      size="small"
                      value={value}
                      disabled={!editable}
                      onChange={(n) => n !== null && update(r.code, setRuleParam(r, key, n))}
                      style={{ width: 90 }}
                    />
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function SeriousRuleForm({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SeriousRule>();
  const { data, error, reload } = useApi((signal) => getSeriousRule(signal), []);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const save = async (values: SeriousRule) => {
    setSaving(true);
    try {
      form.setFieldsValue(await putSeriousRule(values));
      message.success(t('common.saved'));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t('alarms.settings.seriousRule')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('alarms.settings.seriousHint')}
      </Typography.Paragraph>
      <Form<SeriousRule>
        form={form}
        layout="inline"
        onFinish={save}
        disabled={!editable}
        initialValues={data}
      >
        <Form.Item
          name="minConfirmedSheets"
          label={t('alarms.settings.minConfirmedSheets')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item
          name="minExceedanceDays"
          label={t('alarms.settings.minExceedanceDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={92} precision={0} />
        </Form.Item>
        <Form.Item name="minMultiple" label={t('alarms.settings.minMultiple')} rules={[{ required: true }]}>
          <InputNumber min={1.01} max={1000} step={0.1} />
        </Form.Item>
        {editable && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="serious-rule-save">
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

/** 报警规则: the city's anomaly rules and the rule of the quarterly list. */
export default function AlarmSettingsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const editable = user.role === 'admin' || user.role === 'city';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('alarms.settings.title')}
      </Typography.Title>
      {!editable && <Typography.Text type="secondary">{t('alarms.settings.readOnly')}</Typography.Text>}
      <AnomalyRules editable={editable} />
      <SeriousRuleForm editable={editable} />
    </Space>
  );
}
