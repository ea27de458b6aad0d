import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createEnterprise, updateEnterprise } from '../../api/enterprises';
import { CONTROL_LEVELS, ENTERPRISE_STATUSES, type Enterprise, KEY_KINDS } from '../../api/types';
import { useUser } from '../../auth/auth-context';
import { useDictionaries } from '../../components/DictionaryProvider';
import { FormModal } from '../../components/FormModal';
import {
  changedFields,
  type EnterpriseFormValues,
  NEW_ENTERPRISE,
  toBody,
  toFormValues,
} from './enterprise-form-values';
import { RegionFields } from './RegionFields';

const SELF_FIELDS: readonly (keyof EnterpriseFormValues)[] = [
  'envContact',
  'envContactPhone',
  'productsAndScale',
];

interface Props {
  open: boolean;
  /** Absent: a new enterprise. */
  enterprise?: Enterprise;
  onClose: () => void;
  onSaved?: (saved: Enterprise | undefined) => void;
}

export function EnterpriseFormModal({ open, enterprise, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options, entries } = useDictionaries();
  const required = [{ required: true, message: t('validation.required') }];
  // Enterprise users keep only their contact and products up to date; the rest is the bureau's.
  const locked = useUser().role === 'enterprise';
  const lock = (name: keyof EnterpriseFormValues) => locked && !SELF_FIELDS.includes(name);

  async function submit(values: EnterpriseFormValues): Promise<Enterprise | undefined> {
    const body = toBody(values);
    if (!enterprise) return createEnterprise(body);
    const changed = changedFields(enterprise, body);
    if (Object.keys(changed).length === 0) return enterprise;
    return updateEnterprise(enterprise.id, { ...changed, version: enterprise.version });
  }

  const text = (name: keyof EnterpriseFormValues, span = 8, extra: { rules?: typeof required } = {}) => (
    <Col span={span}>
      <Form.Item name={name} label={t(`enterprise.${name}`)} {...extra}>
        <Input data-testid={`field-${name}`} disabled={lock(name)} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal<EnterpriseFormValues, Enterprise | undefined>
      open={open}
      title={enterprise ? t('detail.editEnterprise') : t('list.newEnterprise')}
      initialValues={enterprise ? toFormValues(enterprise) : NEW_ENTERPRISE}
      onSubmit={submit}
      onClose={onClose}
      onSaved={onSaved}
      width={880}
      testId="enterprise-form"
    >
      {(form) => (
        <Row gutter={16}>
          {text('name', 16, { rules: required })}
          {text('creditCode', 8, { rules: required })}
          {text('legalRepresentative')}
          {text('envContact')}
          {text('envContactPhone')}
          <RegionFields disabled={locked} />
          {text('address', 16)}
          <Col span={4}>
            <Form.Item name="lng" label={t('enterprise.lng')}>
              <InputNumber style={{ width: '100%' }} step={0.000001} disabled={locked} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="lat" label={t('enterprise.lat')}>
              <InputNumber style={{ width: '100%' }} step={0.000001} disabled={locked} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('enterprise.industry')}>
              <Select
                disabled={locked}
                allowClear
                showSearch
                optionFilterProp="label"
                options={options('industries')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="programmeIndustry" label={t('enterprise.programmeIndustry')}>
              <Select
                disabled={locked}
                allowClear
                showSearch
                optionFilterProp="label"
                options={options('programmeIndustries')}
                onChange={(key: string | undefined) => {
                  const batch = entries('programmeIndustries').find((e) => e.key === key)?.batch;
                  if (batch) form.setFieldsValue({ batch });
                }}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="batch" label={t('enterprise.batch')}>
              <Select
                disabled={locked}
                allowClear
                options={[1, 2, 3].map((n) => ({ value: n, label: t('enterprise.batchN', { n }) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="controlLevel" label={t('enterprise.controlLevel')} rules={required}>
              <Select
                disabled={locked}
                options={CONTROL_LEVELS.map((c) => ({ value: c, label: t(`controlLevel.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label={t('enterprise.status')} rules={required}>
              <Select
                disabled={locked}
                options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="startedOn" label={t('enterprise.startedOn')}>
              <DatePicker style={{ width: '100%' }} disabled={locked} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="keyKinds" label={t('enterprise.keyKinds')}>
              <Checkbox.Group
                disabled={locked}
                options={KEY_KINDS.map((k) => ({ value: k, label: t(`keyKind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="productsAndScale" label={t('enterprise.productsAndScale')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}
