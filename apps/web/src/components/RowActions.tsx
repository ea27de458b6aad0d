import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';

interface Props {
  active: boolean;
  onEdit: () => void;
  /** Deactivates the record; errors are shown as a message. */
  onDeactivate: () => Promise<unknown>;
  onChanged: () => void;
}

/** Edit and deactivate links of a child record row (permit, outlet, monitor, facility). */
export function RowActions({ active, onEdit, onDeactivate, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {active && (
        <Popconfirm
          title={t('detail.confirmDeactivateChild')}
          onConfirm={async () => {
            try {
              await onDeactivate();
              message.success(t('common.deactivated'));
              onChanged();
            } catch (err) {
              message.error(errorMessage(t, err));
            }
          }}
        >
          <Button type="link" size="small" danger>
            {t('common.deactivate')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
