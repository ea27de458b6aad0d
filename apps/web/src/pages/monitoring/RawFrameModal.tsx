import { Alert, Descriptions, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getRawFrame } from '../../api/monitoring';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatDateTimeSeconds } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const VERDICTS = [
  'stored',
  'duplicate',
  'answer',
  'unknown_mn',
  'bad_password',
  'inactive',
  'malformed',
  'unsupported',
];

function FrameBody({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data, error, reload } = useApi((signal) => getRawFrame(id, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const verdict = VERDICTS.includes(data.verdict) ? t(`monitoring.verdict.${data.verdict}`) : data.verdict;
  return (
    <div data-testid="raw-modal-body">
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('monitoring.raw.verdict')}>
          <Tag
            color={data.verdict === 'stored' ? 'green' : data.verdict === 'duplicate' ? 'gold' : 'red'}
            data-testid="raw-verdict"
          >
            {verdict}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.raw.receivedAt')}>
          <span data-testid="raw-received-at">{formatDateTimeSeconds(data.receivedAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.raw.peer')}>
          <span data-testid="raw-peer">{data.peer}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.raw.size')}>{data.size}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.raw.cn')}>{data.cn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.raw.qn')}>{data.qn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.common.mn')} span={2}>
          {data.mn ?? '—'}
          {data.monitor && (
            <Typography.Text type="secondary">
              {' '}
              · {data.monitor.enterpriseName} {data.monitor.outletName}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {(data.errorCode || data.detail) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('monitoring.raw.error')}：${[data.errorCode, data.detail].filter(Boolean).join(' · ')}`}
        />
      )}
      {data.tolerances.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('monitoring.raw.tolerances')}：${data.tolerances.join('、')}`}
        />
      )}
      <Typography.Text strong>{t('monitoring.raw.text')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: data.text }} style={{ marginTop: 4 }}>
        <pre
          data-testid="raw-text"
          style={{
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
            maxHeight: 320,
            overflow: 'auto',
            margin: 0,
            fontSize: 12,
          }}
        >
          {data.text}
        </pre>
      </Typography.Paragraph>
    </div>
  );
}

/** 原始报文: the packet exactly as it came in, with what the gateway made of it. */
export function RawFrameModal({ frameId, onClose }: { frameId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={frameId !== null}
      title={t('monitoring.raw.title')}
      onCancel={onClose}
      footer={null}
      width={860}
      destroyOnHidden
    >
      {frameId !== null && <FrameBody id={frameId} />}
    </Modal>
  );
}
