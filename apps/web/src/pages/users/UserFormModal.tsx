import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createUser, updateUser } from '../../api/misc';
import { ROLES, type Role, type User } from '../../api/types';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FormModal } from '../../components/FormModal';
import { useRegions } from '../../components/use-regions';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  enterpriseId?: number | null;
  operatorId?: number | null;
  phone?: string | null;
  password?: string;
  active?: boolean;
}

interface Props {
  open: boolean;
  user?: User;
  onClose: () => void;
  onSaved: () => void;
}

export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const cities = useRegions({ level: 'city' });
  const districts = useRegions({ level: 'district' });
  const regionOptions = [...cities, ...districts].map((r) => ({
    value: r.code,
    label: `${r.name}（${r.code}）`,
  }));
  const required = [{ required: true, message: t('validation.required') }];
  const passwordRules = [
    ...(user ? [] : required),
    { min: 10, message: t('validation.minLength', { n: 10 }) },
  ];

  async function submit(values: Values) {
    const body: Record<string, unknown> = {
      displayName: values.displayName?.trim(),
      role: values.role,
      regionCode: values.regionCode,
      enterpriseId: values.role === 'enterprise' ? (values.enterpriseId ?? null) : null,
      operatorId: values.role === 'operator' ? (values.operatorId ?? null) : null,
      phone: values.phone?.trim() || null,
    };
    if (values.password) body.password = values.password;
    if (!user) return createUser({ ...body, username: values.username?.trim() });
    return updateUser(user.id, { ...body, active: values.active, version: user.version });
  }

  return (
    <FormModal<Values>
      open={open}
      title={user ? t('users.editUser') : t('users.newUser')}
      initialValues={user ? { ...user, active: user.active !== false } : { role: 'district' }}
      onSubmit={submit}
      onClose={onClose}
      onSaved={onSaved}
      testId="user-form"
    >
      {(form) => (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="username" label={t('users.username')} rules={required}>
              <Input disabled={!!user} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('users.role')} rules={required}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('users.region')} rules={required}>
              <Select showSearch optionFilterProp="label" options={regionOptions} />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['role']}>
            {() => {
              const role = form.getFieldValue('role') as Role | undefined;
              if (role === 'enterprise')
                return (
                  <Col span={24}>
                    <Form.Item name="enterpriseId" label={t('users.enterprise')} rules={required}>
                      <EnterpriseSelect />
                    </Form.Item>
                  </Col>
                );
              if (role === 'operator')
                return (
                  <Col span={12}>
                    <Form.Item name="operatorId" label={t('users.operator')} rules={required}>
                      <InputNumber min={1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                );
              return null;
            }}
          </Form.Item>
          <Col span={12}>
            <Form.Item name="phone" label={t('users.phone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="password"
              label={t('users.password')}
              extra={user ? t('users.passwordHint') : undefined}
              rules={passwordRules}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          {user && (
            <Col span={12}>
              <Form.Item name="active" label={t('users.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
    </FormModal>
  );
}
