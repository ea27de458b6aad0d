import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPermitLimits, putPermitLimits } from '../../api/enterprises';
import {
  LIMIT_AVERAGINGS,
  type LimitAveraging,
  type Outlet,
  type Permit,
  type PermitLimit,
} from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { errorMessage } from '../../components/error-message';
import { FormModal } from '../../components/FormModal';

/** A row of the form: the value's kind chosen, its numbers in their own fields. */
interface Row {
  outletCode?: string;
  pollutant?: string;
  averaging?: LimitAveraging;
  value?: { kind?: 'max' | 'range'; max?: number | null; lo?: number | null; hi?: number | null };
  unit?: string;
  referenceO2?: number | null;
  clause?: string | null;
}
interface Values {
  items: Row[];
}

interface Props {
  /** The permit whose limits are shown; null: closed. */
  permit: Permit | null;
  outlets: readonly Outlet[];
  editable: boolean;
  onClose: () => void;
}

/** `≤ 35 mg/m³` or `6–9`. */
export function formatPermitLimit(l: PermitLimit): string {
  const v = l.value.kind === 'max' ? `≤ ${l.value.max}` : `${l.value.lo}–${l.value.hi}`;
  return `${v} ${l.unit}`;
}

/**
 * The concentration limits a permit writes (许可排放浓度) per outlet and pollutant: a table to read,
 * or — for those who may change the registry — an editable list saved as a whole.
 */
export function PermitLimitsModal({ permit, outlets, editable, onClose }: Props) {
  const { t } = useTranslation();
  const { options, label } = useDictionaries();
  const [limits, setLimits] = useState<PermitLimit[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const required = [{ required: true, message: t('validation.required') }];

  useEffect(() => {
    setLimits(null);
    setLoadError(null);
    if (!permit) return;
    const controller = new AbortController();
    getPermitLimits(permit.id, controller.signal)
      .then(setLimits)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadError(errorMessage(t, err));
      });
    return () => controller.abort();
  }, [permit, t]);

  const title = permit ? t('permitLimit.title', { number: permit.number }) : '';
  const outletOptions = outlets.map((o) => ({ value: o.code, label: `${o.code} ${o.name}` }));
  const averagingLabel = (a: string) => t(`permitLimit.averagings.${a}`);

  if (!editable || loadError) {
    return (
      <Modal open={permit !== null} title={title} onCancel={onClose} footer={null} width={860}>
        {loadError ? (
          <Alert type="error" showIcon message={loadError} />
        ) : (
          <Table<PermitLimit>
            size="small"
            pagination={false}
            loading={limits === null}
            dataSource={limits ?? []}
            rowKey={(l) => `${l.outletCode}|${l.pollutant}|${l.averaging}`}
            locale={{ emptyText: t('permitLimit.empty') }}
            columns={[
              { title: t('permitLimit.outletCode'), dataIndex: 'outletCode', width: 100 },
              {
                title: t('permitLimit.pollutant'),
                dataIndex: 'pollutant',
                render: (v: string) => label('pollutants', v),
              },
              { title: t('permitLimit.averaging'), dataIndex: 'averaging', render: averagingLabel },
              { title: t('permitLimit.value'), render: (_, l) => formatPermitLimit(l) },
              {
                title: t('permitLimit.referenceO2'),
                dataIndex: 'referenceO2',
                render: (v: number | null) => v ?? '—',
              },
              { title: t('permitLimit.clause'), dataIndex: 'clause', render: (v: string | null) => v ?? '—' },
            ]}
          />
        )}
      </Modal>
    );
  }

  async function submit(values: Values) {
    if (!permit) return [];
    const items: PermitLimit[] = (values.items ?? []).map((r) => ({
      outletCode: r.outletCode ?? '',
      pollutant: r.pollutant ?? '',
      averaging: r.averaging ?? 'hour',
      value:
        r.value?.kind === 'range'
          ? { kind: 'range', lo: r.value.lo ?? 0, hi: r.value.hi ?? 0 }
          : { kind: 'max', max: r.value?.max ?? 0 },
      unit: r.unit?.trim() ?? '',
      referenceO2: r.referenceO2 ?? null,
      clause: r.clause?.trim() || null,
    }));
    return putPermitLimits(permit.id, items);
  }

  return (
    <FormModal<Values>
      open={permit !== null && limits !== null}
      title={title}
      width={1100}
      initialValues={{ items: limits ?? [] }}
      onSubmit={submit}
      onClose={onClose}
      testId="permit-limits-form"
    >
      <Typography.Paragraph type="secondary">{t('permitLimit.hint')}</Typography.Paragraph>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'outletCode']} rules={required} style={{ width: 150 }}>
                  <Select placeholder={t('permitLimit.outletCode')} options={outletOptions} />
                </Form.Item>
                <Form.Item name={[field.name, 'pollutant']} rules={required} style={{ width: 170 }}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('permitLimit.pollutant')}
                    options={options('pollutants')}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'averaging']} rules={required} style={{ width: 110 }}>
                  <Select options={LIMIT_AVERAGINGS.map((a) => ({ value: a, label: averagingLabel(a) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'value', 'kind']} rules={required} style={{ width: 100 }}>
                  <Select
                    options={[
                      { value: 'max', label: t('permitLimit.kinds.max') },
                      { value: 'range', label: t('permitLimit.kinds.range') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  noStyle
                  shouldUpdate={(prev: Values, cur: Values) =>
                    prev.items?.[field.name]?.value?.kind !== cur.items?.[field.name]?.value?.kind
                  }
                >
                  {({ getFieldValue }) =>
                    getFieldValue(['items', field.name, 'value', 'kind']) === 'range' ? (
                      <>
                        <Form.Item name={[field.name, 'value', 'lo']} rules={required} style={{ width: 90 }}>
                          <InputNumber min={0} placeholder={t('permitLimit.lo')} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'value', 'hi']} rules={required} style={{ width: 90 }}>
                          <InputNumber min={0} placeholder={t('permitLimit.hi')} />
                        </Form.Item>
                      </>
                    ) : (
                      <Form.Item name={[field.name, 'value', 'max']} rules={required} style={{ width: 100 }}>
                        <InputNumber min={0} placeholder={t('permitLimit.max')} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} rules={required} style={{ width: 90 }}>
                  <Input placeholder={t('permitLimit.unit')} />
                </Form.Item>
                <Form.Item name={[field.name, 'referenceO2']} style={{ width: 110 }}>
                  <InputNumber min={0} max={20.9} placeholder={t('permitLimit.referenceO2')} />
                </Form.Item>
                <Form.Item name={[field.name, 'clause']} style={{ width: 150 }}>
                  <Input placeholder={t('permitLimit.clause')} />
                </Form.Item>
                <MinusCircleOutlined
                  aria-label={t('permitLimit.remove')}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({ averaging: 'hour', value: { kind: 'max' }, unit: 'mg/m³', referenceO2: null })
              }
            >
              {t('permitLimit.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
