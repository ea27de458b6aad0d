import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { getDashboardSummary } from '../../api/misc';
import { useDictionaries } from '../../components/DictionaryProvider';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../utils/use-api';
import { ControlLevelPie, CountBars } from './CountCharts';
import { EnterpriseMap } from './EnterpriseMap';

export default function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { entries, label } = useDictionaries();
  const { data, error, loading, reload } = useApi((signal) => getDashboardSummary(signal), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data || loading) return <Loading />;

  const stats = [
    { key: 'enterprises', value: data.enterprises, link: '/enterprises' },
    { key: 'outlets', value: data.outlets },
    { key: 'monitors', value: data.monitors },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="dashboard">
      {stats.map((s) => (
        <Col xs={24} md={8} key={s.key}>
          <Card>
            <Statistic
              title={s.link ? <Link to={s.link}>{t(`dashboard.${s.key}`)}</Link> : t(`dashboard.${s.key}`)}
              value={s.value}
            />
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={16}>
        <Card title={t('dashboard.map')} extra={t('dashboard.mapHint')}>
          <EnterpriseMap summary={data} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('dashboard.byControlLevel')}>
          <ControlLevelPie rows={data.byControlLevel} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.byDistrict')}>
          <CountBars
            rows={data.byDistrict.map((d) => ({ key: d.code, name: d.name, count: d.count }))}
            testId="chart-by-district"
            onSelect={(code) => navigate(`/enterprises?regionCode=${encodeURIComponent(code)}`)}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.byIndustry')}>
          <CountBars
            rows={data.byIndustry.map((d) => ({
              ...d,
              name:
                entries('programmeIndustries').length > 0 && d.key !== 'other'
                  ? label('programmeIndustries', d.key)
                  : d.name,
            }))}
            testId="chart-by-industry"
            onSelect={(key) =>
              key !== 'other' && navigate(`/enterprises?programmeIndustry=${encodeURIComponent(key)}`)
            }
          />
        </Card>
      </Col>
    </Row>
  );
}
