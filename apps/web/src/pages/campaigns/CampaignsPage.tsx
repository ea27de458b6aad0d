import { Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listCampaigns } from '../../api/campaigns';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../utils/use-api';
import { batchLabel, CampaignStatusTag, PhaseSteps, phaseGroups } from './campaign-parts';

/** 达标计划: every campaign with its batches and a phase timeline per batch, the current phase highlighted. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => listCampaigns(signal), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  const items = data?.items ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="campaigns-page">
      <div>
        <Typography.Title level={4} style={{ marginBottom: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('campaigns.subtitle')}</Typography.Text>
      </div>
      {items.length === 0 && <Empty description={t('campaigns.empty')} />}
      {items.map((c) => (
        <Card
          key={c.id}
          data-testid={`campaign-${c.id}`}
          title={
            <Space wrap>
              <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
              <CampaignStatusTag status={c.status} />
            </Space>
          }
          extra={<Link to={`/campaigns/${c.id}`}>{t('campaigns.open')}</Link>}
        >
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} md={8}>
              <Statistic
                title={t('campaigns.period')}
                value={`${c.startsOn} ～ ${c.endsOn}`}
                valueStyle={{ fontSize: 16 }}
              />
            </Col>
            <Col xs={24} md={16}>
              <Space size="large" wrap>
                <Statistic
                  title={t('campaigns.enterprises')}
                  value={c.enterpriseCount}
                  valueStyle={{ fontSize: 16 }}
                />
                {c.batches.length > 1 &&
                  c.batches.map((b) => (
                    <Statistic
                      key={b.id}
                      title={b.name}
                      value={b.enterpriseCount}
                      valueStyle={{ fontSize: 16 }}
                    />
                  ))}
              </Space>
            </Col>
          </Row>
          {phaseGroups(c.phases).map((g) => (
            <Row key={g.batch ?? 0} gutter={12} align="top" style={{ marginBottom: 12 }}>
              <Col xs={24} md={4}>
                <Typography.Text strong>{batchLabel(t, c.batches, g.batch)}</Typography.Text>
              </Col>
              <Col xs={24} md={20} style={{ overflowX: 'auto' }}>
                <PhaseSteps phases={g.phases} />
              </Col>
            </Row>
          ))}
        </Card>
      ))}
    </Space>
  );
}
