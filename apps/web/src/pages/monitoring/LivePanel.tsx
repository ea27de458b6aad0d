import { Badge, Card, Col, Empty, Row, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds, formatRelative } from '../../utils/time';
import type { LatestValue, LiveState } from './live-values';
import { orderedCodes } from './live-values';
import { FlagTag, usePollutants } from './parts';
import { formatValue } from './rate-format';
import type { StreamState } from './use-live-values';

const STREAM_BADGE: Record<StreamState, 'success' | 'processing' | 'warning' | 'error'> = {
  open: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  closed: 'error',
};

function ValueCard({ v }: { v: LatestValue }) {
  const { t } = useTranslation();
  const { name, unit } = usePollutants();
  const u = unit(v.code);
  return (
    <Card size="small" styles={{ body: { padding: '10px 12px' } }} data-testid={`live-value-${v.code}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text
          type="secondary"
          ellipsis
          style={{ maxWidth: 130 }}
          title={`${name(v.code)} ${v.code}`}
        >
          {name(v.code)}
        </Typography.Text>
        <FlagTag flag={v.flag} />
      </Space>
      <div style={{ marginTop: 4 }}>
        <Typography.Text strong style={{ fontSize: 22 }} data-testid={`live-number-${v.code}`}>
          {formatValue(v.value)}
        </Typography.Text>
        {u && (
          <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
            {u}
          </Typography.Text>
        )}
      </div>
      <div style={{ fontSize: 12, minHeight: 20 }}>
        {v.zs !== null && (
          <Typography.Text type="secondary">
            {t('monitoring.live.zs')} {formatValue(v.zs)}
          </Typography.Text>
        )}
      </div>
      <Tooltip title={`${t('monitoring.live.dataTime')} ${formatDateTimeSeconds(v.dataTime)}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`monitoring.kind.${v.kind}`)} · {formatDateTimeSeconds(v.dataTime).slice(5)}
        </Typography.Text>
      </Tooltip>
    </Card>
  );
}

/** 实时数据: the newest value of each pollutant, updated by the server's push. */
export function LivePanel({
  live,
  stream,
  pollutants,
}: {
  live: LiveState;
  stream: StreamState;
  pollutants: string[];
}) {
  const { t } = useTranslation();
  const codes = orderedCodes(live, pollutants);
  return (
    <Card
      title={t('monitoring.live.title')}
      data-testid="live-panel"
      extra={
        <Space size={16} wrap>
          <Badge
            status={STREAM_BADGE[stream]}
            text={stream === 'open' ? t('monitoring.live.streaming') : t('monitoring.live.reconnecting')}
            data-testid="live-stream-state"
            data-state={stream}
          />
          <Typography.Text data-testid="live-last-packet">
            {live.lastReceivedAt ? (
              <Tooltip title={formatRelative(live.lastReceivedAt)}>
                {t('monitoring.live.lastPacket', { time: formatDateTimeSeconds(live.lastReceivedAt) })}
                {live.lastKind ? `（${t(`monitoring.kind.${live.lastKind}`)}）` : ''}
              </Tooltip>
            ) : (
              t('monitoring.live.noPacket')
            )}
          </Typography.Text>
        </Space>
      }
    >
      {codes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.live.noPacket')} />
      ) : (
        <Row gutter={[12, 12]}>
          {codes.map((code) => {
            const v = live.values[code];
            return v ? (
              <Col key={code} xs={12} md={8} lg={6} xxl={4}>
                <ValueCard v={v} />
              </Col>
            ) : null;
          })}
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('monitoring.live.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
