import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createChild, updateChild } from '../../api/enterprises';
import type { Facility, Outlet } from '../../api/types';
import { FormModal } from '../../components/FormModal';

type Values = Pick<Facility, 'name' | 'process' | 'capacity' | 'feasibleTechnology' | 'outletId'>;

interface Props {
  open: boolean;
  enterpriseId: number;
  outlets: Outlet[];
  facility?: Facility;
  onClose: () => void;
  onSaved: () => void;
}

export function FacilityFormModal({ open, enterpriseId, outlets, facility, onClose, onSaved }: Props) {
  const { t } = useTranslation();

  async function submit(values: Values) {
    const body = {
      name: values.name?.trim(),
      process: values.process?.trim() || null,
      capacity: values.capacity?.trim() || null,
      feasibleTechnology: values.feasibleTechnology ?? null,
      outletId: values.outletId ?? null,
    };
    return facility
      ? updateChild('facilities', facility.id, { ...body, version: facility.version })
      : createChild(enterpriseId, 'facilities', body);
  }

  return (
    <FormModal<Values>
      open={open}
      title={facility ? t('facility.edit') : t('facility.add')}
      initialValues={facility ?? { feasibleTechnology: true }}
      onSubmit={submit}
      onClose={onClose}
      onSaved={onSaved}
      testId="facility-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="name"
            label={t('facility.name')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="outletId" label={t('facility.outlet')}>
            <Select
              allowClear
              options={outlets.map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="process" label={t('facility.process')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="capacity" label={t('facility.capacity')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="feasibleTechnology" label={t('facility.feasibleTechnology')}>
            <Radio.Group
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
