import { Alert, App as AntApp, Button, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { problemToFieldErrors } from '../api/problem';
import { errorMessage } from './error-message';

export interface FormModalProps<V extends object, R = unknown> {
  open: boolean;
  title: ReactNode;
  initialValues?: Partial<V>;
  /** Sends the values; throw the ApiError to have its `errors[]` shown at the fields. */
  onSubmit: (values: V) => Promise<R>;
  onClose: () => void;
  onSaved?: (result: R) => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  width?: number;
  testId?: string;
}

/**
 * A modal form that shows the server's validation answer where it belongs: each problem+json
 * `errors[].path` at the Form.Item of that name (form.setFields), anything else above the form.
 */
export function FormModal<V extends object, R = unknown>(props: FormModalProps<V, R>) {
  const { open, title, initialValues, onSubmit, onClose, onSaved, children, width, testId } = props;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setGeneral([]);
  }, [open, form]);

  async function submit(values: V) {
    setSaving(true);
    setGeneral([]);
    try {
      const result = await onSubmit(values);
      message.success(t('common.saved'));
      onSaved?.(result);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        const registered = Object.keys(form.getFieldsValue() as object);
        const mapped = problemToFieldErrors(err.errors, registered);
        form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
        setGeneral(mapped.other.length > 0 ? mapped.other : [t('common.formHasErrors')]);
      } else {
        setGeneral([errorMessage(t, err)]);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      width={width ?? 720}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={saving}
          onClick={() => form.submit()}
          data-testid="save-button"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={general.length === 1 ? general[0] : undefined}
          description={general.length > 1 ? general.map((g) => <div key={g}>{g}</div>) : undefined}
          data-testid="form-error"
        />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid={testId}
        scrollToFirstError
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
