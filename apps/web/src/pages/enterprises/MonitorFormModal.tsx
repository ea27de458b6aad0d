import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createMonitor, updateChild } from '../../api/enterprises';
import type { Monitor } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { fromDateString, toDateString } from '../../utils/time';

interface Values {
  mn: string;
  password?: string;
  manufacturer?: string | null;
  model?: string | null;
  installedOn?: Dayjs | null;
}

interface Props {
  open: boolean;
  outletId: number;
  monitor?: Monitor;
  onClose: () => void;
  onSaved: () => void;
}

/** The data-acquisition unit of an outlet: its MN and the password HJ 212 packets carry. */
export function MonitorFormModal({ open, outletId, monitor, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('validation.required') }];

  async function submit(values: Values) {
    const body: Record<string, unknown> = {
      mn: values.mn?.trim(),
      manufacturer: values.manufacturer?.trim() || null,
      model: values.model?.trim() || null,
      installedOn: toDateString(values.installedOn),
    };
    // An untouched password field on edit keeps the stored password.
    if (values.password) body.password = values.password;
    return monitor
      ? updateChild('monitors', monitor.id, { ...body, version: monitor.version })
      : createMonitor(outletId, body);
  }

  return (
    <FormModal<Values>
      open={open}
      title={monitor ? t('monitor.edit') : t('monitor.add')}
      initialValues={
        monitor
          ? {
              ...monitor,
              password: monitor.password ?? undefined,
              installedOn: fromDateString(monitor.installedOn),
            }
          : {}
      }
      onSubmit={submit}
      onClose={onClose}
      onSaved={onSaved}
      testId="monitor-form"
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="mn" label={t('monitor.mn')} extra={t('monitor.mnHint')} rules={required}>
            <Input maxLength={24} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="password" label={t('monitor.password')} rules={monitor ? [] : required}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="manufacturer" label={t('monitor.manufacturer')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="model" label={t('monitor.model')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="installedOn" label={t('monitor.installedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
