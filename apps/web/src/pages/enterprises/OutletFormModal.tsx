import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createChild, updateChild } from '../../api/enterprises';
import {
  categoryOutletKind,
  OUTLET_KINDS,
  type Outlet,
  SOURCE_AGES,
  SOURCE_CATEGORIES,
} from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { FormModal } from '../../components/FormModal';

type Values = Pick<
  Outlet,
  | 'kind'
  | 'code'
  | 'name'
  | 'stackHeightM'
  | 'stackDiameterM'
  | 'flueTemperatureC'
  | 'referenceO2'
  | 'lng'
  | 'lat'
  | 'pollutants'
  | 'standardCategory'
  | 'sourceAge'
>;
const NUMBERS = ['stackHeightM', 'stackDiameterM', 'flueTemperatureC', 'referenceO2', 'lng', 'lat'] as const;

interface Props {
  open: boolean;
  enterpriseId: number;
  outlet?: Outlet;
  onClose: () => void;
  onSaved: () => void;
}

export function OutletFormModal({ open, enterpriseId, outlet, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useDictionaries();
  const required = [{ required: true, message: t('validation.required') }];

  async function submit(values: Values) {
    const body: Record<string, unknown> = {
      kind: values.kind,
      code: values.code?.trim(),
      name: values.name?.trim(),
      pollutants: values.pollutants ?? [],
      standardCategory: values.standardCategory ?? null,
      sourceAge: values.sourceAge ?? null,
    };
    for (const key of NUMBERS) body[key] = values[key] ?? null;
    return outlet
      ? updateChild('outlets', outlet.id, { ...body, version: outlet.version })
      : createChild(enterpriseId, 'outlets', body);
  }

  const numberLabel: Record<(typeof NUMBERS)[number], string> = {
    stackHeightM: t('outlet.stackHeightM'),
    stackDiameterM: t('outlet.stackDiameterM'),
    flueTemperatureC: t('outlet.flueTemperatureC'),
    referenceO2: t('outlet.referenceO2'),
    lng: t('enterprise.lng'),
    lat: t('enterprise.lat'),
  };

  return (
    <FormModal<Values>
      open={open}
      title={outlet ? t('outlet.edit') : t('outlet.add')}
      initialValues={outlet ?? { kind: 'air', pollutants: [] }}
      onSubmit={submit}
      onClose={onClose}
      onSaved={onSaved}
      testId="outlet-form"
    >
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="kind" label={t('outlet.kind')} rules={required}>
            <Select options={OUTLET_KINDS.map((k) => ({ value: k, label: t(`outletKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="code" label={t('outlet.code')} rules={required}>
            <Input placeholder="DA001" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={t('outlet.name')} rules={required}>
            <Input />
          </Form.Item>
        </Col>
        {NUMBERS.map((key) => (
          <Col span={8} key={key}>
            <Form.Item name={key} label={numberLabel[key]}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) => (
            <Col span={16}>
              <Form.Item
                name="standardCategory"
                label={t('outlet.standardCategory')}
                tooltip={t('outlet.standardCategoryHint')}
              >
                <Select
                  allowClear
                  data-testid="outlet-standard-category"
                  options={SOURCE_CATEGORIES.filter(
                    (c) => categoryOutletKind(c) === (getFieldValue('kind') ?? 'air'),
                  ).map((c) => ({ value: c, label: t(`sourceCategory.${c}`) }))}
                />
              </Form.Item>
            </Col>
          )}
        </Form.Item>
        <Col span={8}>
          <Form.Item name="sourceAge" label={t('outlet.sourceAge')} tooltip={t('outlet.sourceAgeHint')}>
            <Select
              allowClear
              data-testid="outlet-source-age"
              options={SOURCE_AGES.map((a) => ({ value: a, label: t(`sourceAge.${a}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="pollutants" label={t('outlet.pollutants')}>
            <Select mode="multiple" optionFilterProp="label" options={options('pollutants')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
