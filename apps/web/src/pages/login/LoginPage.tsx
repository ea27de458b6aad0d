import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { homePath } from '../../auth/menu';
import { errorMessage } from '../../components/error-message';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login (no open redirect through ?from=). */
function safeFrom(from: string | null): string | null {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login, expired } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const from = safeFrom(params.get('from'));

  if (user) return <Navigate to={from ?? homePath(user)} replace />;

  async function submit(values: Credentials) {
    setBusy(true);
    setError(undefined);
    try {
      const me = await login(values.username, values.password);
      navigate(from ?? homePath(me), { replace: true });
    } catch (err) {
      const wrong =
        err instanceof ApiError && (err.status === 401 || err.status === 422 || err.status === 400);
      setError(wrong ? t('login.failed') : errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg, #e6f4ff 0%, #f6ffed 100%)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('common.appFullName')}
        </Typography.Paragraph>
        {expired && !error && (
          <Alert type="warning" showIcon message={t('errors.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} data-testid="login-form" requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
