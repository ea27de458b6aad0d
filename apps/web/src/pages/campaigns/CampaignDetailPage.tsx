import { Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  type CampaignBatch,
  type CampaignEnterprise,
  type CampaignPhase,
  getCampaign,
  listCampaignEnterprises,
  type TaskBreakdownRow,
} from '../../api/campaigns';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { dayjs } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { batchLabel, CampaignStatusTag, PhaseStatusTag, PhaseSteps, phaseGroups } from './campaign-parts';

const PAGE_SIZE = 20;

function EnterpriseList({
  campaignId,
  batches,
  regions,
}: {
  campaignId: number;
  batches: CampaignBatch[];
  regions: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [batch, setBatch] = useState<number | undefined>();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const { data, error, loading } = useApi(
    (signal) =>
      listCampaignEnterprises(
        campaignId,
        { ...(batch ? { batch } : {}), ...(regionCode ? { regionCode } : {}), page, pageSize },
        signal,
      ),
    [campaignId, batch, regionCode, page, pageSize],
  );
  if (error) return <ErrorState error={error} />;
  return (
    <Card
      title={t('campaigns.detail.enterpriseList')}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('campaigns.detail.filterBatch')}
            style={{ width: 180 }}
            value={batch}
            onChange={(v) => {
              setBatch(v);
              setPage(1);
            }}
            options={batches.map((b) => ({ value: b.ordinal, label: b.name }))}
            data-testid="enterprise-batch-filter"
          />
          <Select
            allowClear
            placeholder={t('campaigns.detail.filterRegion')}
            style={{ width: 160 }}
            value={regionCode}
            onChange={(v) => {
              setRegionCode(v);
              setPage(1);
            }}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
        </Space>
      }
    >
      <Table<CampaignEnterprise>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('campaigns.detail.enterpriseName'),
            dataIndex: 'name',
            render: (name: string, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link>,
          },
          { title: t('campaigns.detail.creditCode'), dataIndex: 'creditCode' },
          { title: t('campaigns.detail.district'), dataIndex: 'regionName' },
          {
            title: t('campaigns.detail.industry'),
            dataIndex: 'industryZh',
            render: (zh: string | null) => zh ?? t('campaigns.detail.otherIndustry'),
          },
          {
            title: t('campaigns.detail.batchOrdinal'),
            dataIndex: 'batchOrdinal',
            render: (o: number | null) => batchLabel(t, batches, o),
          },
        ]}
      />
    </Card>
  );
}

/** One campaign: batches with industries and counts, the schedule with its 004 sources, regions, 附件5. */
export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: c, error, loading, reload } = useApi((signal) => getCampaign(id, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !c) return <Loading />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="campaign-detail">
      <Link to="/campaigns">
        <Button type="link" style={{ padding: 0 }}>
          ← {t('campaigns.detail.back')}
        </Button>
      </Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.name}
            </Typography.Title>
            <CampaignStatusTag status={c.status} />
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('campaigns.period')}>
            {c.startsOn} ～ {c.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.enterprises')}>
            {t('campaigns.enterpriseCount', { count: c.enterpriseCount })}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.detail.createdAt')}>
            {dayjs(c.createdAt).format('YYYY-MM-DD')}
          </Descriptions.Item>
          {c.description && (
            <Descriptions.Item label={t('campaigns.detail.description')} span={3}>
              {c.description}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          {t('campaigns.detail.timeline')}
        </Typography.Title>
        {phaseGroups(c.phases).map((g) => (
          <div key={g.batch ?? 0} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{batchLabel(t, c.batches, g.batch)}</Typography.Text>
            <div style={{ overflowX: 'auto', paddingTop: 6 }}>
              <PhaseSteps phases={g.phases} />
            </div>
          </div>
        ))}
      </Card>

      <Card title={t('campaigns.detail.batches')}>
        <Table<CampaignBatch>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.batches}
          data-testid="campaign-batches"
          columns={[
            { title: t('campaigns.detail.batchOrdinal'), dataIndex: 'ordinal', width: 70 },
            { title: t('campaigns.detail.batchName'), dataIndex: 'name', width: 180 },
            {
              title: t('campaigns.detail.industries'),
              key: 'industries',
              render: (_, b) => (
                <Space size={[4, 4]} wrap>
                  {b.industries.map((i) => (
                    <Tag key={i.key}>{i.zh}</Tag>
                  ))}
                  {b.includesRest && (
                    <Tag color="blue">
                      {b.industries.length
                        ? t('campaigns.detail.andOthers')
                        : t('campaigns.detail.allIndustries')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('campaigns.detail.enterpriseCount'),
              dataIndex: 'enterpriseCount',
              width: 100,
              align: 'right',
            },
          ]}
        />
      </Card>

      <Card title={t('campaigns.detail.phases')}>
        <Table<CampaignPhase>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.phases}
          data-testid="campaign-phases"
          rowClassName={(p) => (p.status === 'current' ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('campaigns.detail.phaseBatch'),
              dataIndex: 'batchOrdinal',
              width: 150,
              render: (o: number | null) => batchLabel(t, c.batches, o),
            },
            {
              title: t('campaigns.detail.phaseKind'),
              dataIndex: 'kind',
              width: 100,
              render: (k: string) => t(`campaigns.kind.${k}`),
            },
            { title: t('campaigns.detail.phaseName'), dataIndex: 'name' },
            {
              title: t('campaigns.detail.phaseDates'),
              key: 'dates',
              width: 200,
              render: (_, p) => `${p.startsOn} ～ ${p.endsOn}`,
            },
            {
              title: t('campaigns.detail.phaseStatus'),
              key: 'status',
              width: 170,
              render: (_, p) => <PhaseStatusTag phase={p} />,
            },
            {
              title: t('campaigns.detail.phaseSource'),
              dataIndex: 'source',
              width: 240,
              render: (s: string | null) =>
                s ? <Typography.Text type="secondary">{s}</Typography.Text> : t('common.none'),
            },
          ]}
        />
      </Card>

      <Card title={t('campaigns.detail.regions')}>
        <Space size={[8, 8]} wrap data-testid="campaign-regions">
          {c.coveredRegions.map((r) => (
            <Tag key={r.code}>
              {r.name} · {t('campaigns.enterpriseCount', { count: r.enterpriseCount })}
            </Tag>
          ))}
        </Space>
      </Card>

      <EnterpriseList campaignId={c.id} batches={c.batches} regions={c.coveredRegions} />

      <Card
        title={`${t('campaigns.detail.taskBreakdown')}：${c.taskBreakdown.title}`}
        extra={<Typography.Text type="secondary">{c.taskBreakdown.source}</Typography.Text>}
      >
        <Table<TaskBreakdownRow>
          rowKey="no"
          size="small"
          bordered
          pagination={false}
          dataSource={c.taskBreakdown.rows}
          data-testid="task-breakdown"
          columns={[
            { title: t('campaigns.detail.taskNo'), dataIndex: 'no', width: 60, align: 'center' },
            { title: t('campaigns.detail.taskLead'), dataIndex: 'leadDepartment', width: 140 },
            { title: t('campaigns.detail.taskWork'), dataIndex: 'work' },
            { title: t('campaigns.detail.taskResponsible'), dataIndex: 'responsible', width: 220 },
          ]}
        />
      </Card>
    </Space>
  );
}
