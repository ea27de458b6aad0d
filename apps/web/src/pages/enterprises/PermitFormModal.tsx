import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createChild, updateChild } from '../../api/enterprises';
import { MANAGEMENT_CLASSES, type ManagementClass, type Permit, type PermitPollutant } from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { FormModal } from '../../components/FormModal';
import { fromDateString, toDateString } from '../../utils/time';

interface Values {
  number: string;
  managementClass: ManagementClass;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  executionReportDuty?: string | null;
  pollutants: PermitPollutant[];
}

interface Props {
  open: boolean;
  enterpriseId: number;
  permit?: Permit;
  onClose: () => void;
  onSaved: () => void;
}

export function PermitFormModal({ open, enterpriseId, permit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useDictionaries();
  const required = [{ required: true, message: t('validation.required') }];
  const initial: Partial<Values> = permit
    ? { ...permit, validFrom: fromDateString(permit.validFrom), validTo: fromDateString(permit.validTo) }
    : { managementClass: 'key', pollutants: [] };

  async function submit(values: Values) {
    const body = {
      number: values.number?.trim(),
      managementClass: values.managementClass,
      validFrom: toDateString(values.validFrom),
      validTo: toDateString(values.validTo),
      executionReportDuty: values.executionReportDuty?.trim() || null,
      pollutants: (values.pollutants ?? []).map((p) => ({
        pollutantCode: p.pollutantCode,
        annualTotalT: p.annualTotalT ?? null,
      })),
    };
    return permit
      ? updateChild('permits', permit.id, { ...body, version: permit.version })
      : createChild(enterpriseId, 'permits', body);
  }

  return (
    <FormModal<Values>
      open={open}
      title={permit ? t('permit.edit') : t('permit.add')}
      initialValues={initial}
      onSubmit={submit}
      onClose={onClose}
      onSaved={onSaved}
      testId="permit-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="number" label={t('permit.number')} rules={required}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="managementClass" label={t('permit.managementClass')} rules={required}>
            <Select
              options={MANAGEMENT_CLASSES.map((m) => ({ value: m, label: t(`managementClass.${m}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="validFrom" label={t('permit.validFrom')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="validTo" label={t('permit.validTo')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="executionReportDuty" label={t('permit.executionReportDuty')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('permit.pollutants')}>
        <Form.List name="pollutants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'pollutantCode']} rules={required} style={{ width: 260 }}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('permit.pollutant')}
                      options={options('pollutants')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'annualTotalT']} style={{ width: 200 }}>
                    <InputNumber min={0} style={{ width: '100%' }} placeholder={t('permit.annualTotalT')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ annualTotalT: null })} icon={<PlusOutlined />}>
                {t('permit.addPollutant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
