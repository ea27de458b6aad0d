import {
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  generateSeriousList,
  getSeriousList,
  listSeriousLists,
  publishSeriousList,
  reviewSeriousList,
  type SeriousEntry,
  type SeriousList,
  type SeriousListDetail,
} from '../../api/alarms';
import { useUser } from '../../auth/auth-context';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { usePollutants } from '../monitoring/parts';
import { type EntryEdit, includedCount, initialEdits, previousQuarter, reviewBody } from './serious-list';
import { formatMultiple } from './sheet-format';

const STATUS_COLORS = { draft: 'gold', reviewed: 'blue', published: 'green' } as const;

function ListDetail({ id, city, onChanged }: { id: number; city: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { name } = usePollutants();
  const { data: loaded, error, reload } = useApi((signal) => getSeriousList(id, signal), [id]);
  const [list, setList] = useState<SeriousListDetail>();
  const [edits, setEdits] = useState<Record<number, EntryEdit>>({});
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<number[]>([]);
  useEffect(() => {
    setList(loaded);
    setEdits(loaded ? initialEdits(loaded.entries) : {});
    setInvalid([]);
  }, [loaded]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!list) return <Loading />;
  const editable = city && list.status === 'draft';
  const edit = (e: SeriousEntry) =>
    edits[e.enterpriseId] ?? { included: e.included, note: e.reviewNote ?? '' };
  const patch = (e: SeriousEntry, p: Partial<EntryEdit>) =>
    setEdits((all) => ({ ...all, [e.enterpriseId]: { ...edit(e), ...p } }));

  const run = async (work: () => Promise<SeriousListDetail>) => {
    setBusy(true);
    try {
      const next = await work();
      setList(next);
      setEdits(initialEdits(next.entries));
      message.success(t('common.saved'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const review = () => {
    const body = reviewBody(list.entries, edits);
    setInvalid(body.missingNotes);
    if (body.missingNotes.length > 0) {
      message.error(t('alarms.serious.noteRequired'));
      return;
    }
    void run(() => reviewSeriousList(list.id, { version: list.version, entries: body.entries }));
  };

  return (
    <Card
      data-testid="serious-detail"
      data-status={list.status}
      title={
        <Space>
          {t('alarms.serious.quarterName', { year: list.year, quarter: list.quarter })}
          <Tag color={STATUS_COLORS[list.status]}>{t(`alarms.serious.status.${list.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {editable && (
            <Button type="primary" loading={busy} onClick={review} data-testid="serious-review">
              {t('alarms.serious.review')}
            </Button>
          )}
          {city && list.status === 'reviewed' && (
            <Popconfirm
              title={t('alarms.serious.publishConfirm')}
              onConfirm={() => run(() => publishSeriousList(list.id, list.version))}
            >
              <Button type="primary" loading={busy} data-testid="serious-publish">
                {t('alarms.serious.publish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={4} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('alarms.serious.rule', {
            sheets: list.rule.minConfirmedSheets,
            days: list.rule.minExceedanceDays,
            multiple: list.rule.minMultiple,
          })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('alarms.serious.generatedAt')} {formatDateTime(list.generatedAt)}
          {list.reviewedAt && ` · ${t('alarms.serious.reviewedAt')} ${formatDateTime(list.reviewedAt)}`}
          {list.publishedAt && ` · ${t('alarms.serious.publishedAt')} ${formatDateTime(list.publishedAt)}`}
          {' · '}
          {t('alarms.serious.included_count', {
            included: includedCount(list.entries, edits),
            total: list.entries.length,
          })}
        </Typography.Text>
      </Space>
      <Table<SeriousEntry>
        rowKey="enterpriseId"
        size="middle"
        pagination={false}
        dataSource={list.entries}
        scroll={{ x: 1100 }}
        onRow={() => ({ 'data-testid': 'serious-entry' }) as object}
        locale={{ emptyText: <Empty description={t('alarms.serious.empty')} /> }}
        columns={[
          {
            title: t('alarms.serious.enterprise'),
            key: 'enterprise',
            width: 220,
            render: (_, e) => (
              <div style={{ lineHeight: 1.3 }}>
                <Link to={`/alarms?enterpriseId=${e.enterpriseId}`}>{e.enterpriseName}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.creditCode}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('alarms.serious.region'), dataIndex: 'regionName', width: 110 },
          {
            title: t('alarms.serious.confirmedSheets'),
            dataIndex: 'confirmedSheets',
            width: 110,
            align: 'right',
          },
          {
            title: t('alarms.serious.exceedanceDays'),
            dataIndex: 'exceedanceDays',
            width: 90,
            align: 'right',
          },
          {
            title: t('alarms.serious.maxMultiple'),
            dataIndex: 'maxMultiple',
            width: 90,
            align: 'right',
            render: (m: number | null) => formatMultiple(m) ?? '—',
          },
          {
            title: t('alarms.serious.pollutants'),
            dataIndex: 'pollutants',
            width: 120,
            render: (codes: string[]) => codes.map(name).join('、'),
          },
          {
            title: t('alarms.serious.reasons'),
            dataIndex: 'reasons',
            render: (reasons: string[]) => (
              <div style={{ fontSize: 12 }}>
                {reasons.map((r) => (
                  <div key={r}>{r}</div>
                ))}
              </div>
            ),
          },
          {
            title: t('alarms.serious.included'),
            key: 'included',
            width: 80,
            render: (_, e) =>
              editable ? (
                <Switch
                  checked={edit(e).included}
                  onChange={(included) => patch(e, { included })}
                  data-testid="serious-included"
                />
              ) : (
                <Tag color={e.included ? 'red' : 'default'}>
                  {e.included ? t('common.yes') : t('common.no')}
                </Tag>
              ),
          },
          {
            title: t('alarms.serious.note'),
            key: 'note',
            width: 200,
            render: (_, e) =>
              editable ? (
                <Input
                  size="small"
                  value={edit(e).note}
                  status={invalid.includes(e.enterpriseId) && !edit(e).note.trim() ? 'error' : undefined}
                  placeholder={t('alarms.serious.notePlaceholder')}
                  onChange={(ev) => patch(e, { note: ev.target.value })}
                />
              ) : (
                (e.reviewNote ?? '—')
              ),
          },
        ]}
      />
    </Card>
  );
}

/** 季度严重超标名单: the city generates, reviews and publishes; everyone else reads what is published. */
export default function SeriousListsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useUser();
  const city = user.role === 'admin' || user.role === 'city';
  const [params, setParams] = useSearchParams();
  const { data, error, loading, reload } = useApi((signal) => listSeriousLists(signal), []);
  const [target, setTarget] = useState(() => previousQuarter(new Date()));
  const [busy, setBusy] = useState(false);
  const selected = Number(params.get('id')) || data?.items[0]?.id;
  const open = (id: number) => setParams({ id: String(id) });

  const generate = async () => {
    setBusy(true);
    try {
      const list = await generateSeriousList(target.year, target.quarter);
      message.success(t('common.saved'));
      reload();
      open(list.id);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space align="baseline" wrap style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Space direction="vertical" size={0}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('alarms.serious.title')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alarms.serious.hint')}
            </Typography.Text>
          </Space>
          {city && (
            <Space wrap>
              <InputNumber
                min={2000}
                max={2100}
                value={target.year}
                addonAfter={t('alarms.serious.year')}
                onChange={(year) => year && setTarget((v) => ({ ...v, year }))}
                style={{ width: 140 }}
                data-testid="serious-year"
              />
              <Select
                value={target.quarter}
                style={{ width: 110 }}
                options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
                onChange={(quarter: number) => setTarget((v) => ({ ...v, quarter }))}
                data-testid="serious-quarter"
              />
              <Button type="primary" loading={busy} onClick={generate} data-testid="serious-generate">
                {t('alarms.serious.generate')}
              </Button>
            </Space>
          )}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={6}>
          <Card title={t('alarms.serious.lists')} size="small">
            <Table<SeriousList>
              rowKey="id"
              size="small"
              loading={loading}
              pagination={false}
              dataSource={data?.items ?? []}
              locale={{ emptyText: city ? t('alarms.serious.noLists') : t('alarms.serious.noPublished') }}
              rowClassName={(l) => (l.id === selected ? 'ant-table-row-selected' : '')}
              onRow={(l) =>
                ({
                  onClick: () => open(l.id),
                  style: { cursor: 'pointer' },
                  'data-testid': 'serious-list-row',
                }) as object
              }
              columns={[
                {
                  title: t('alarms.serious.quarter'),
                  key: 'q',
                  render: (_, l) => t('alarms.serious.quarterName', { year: l.year, quarter: l.quarter }),
                },
                {
                  title: t('alarms.serious.statusLabel'),
                  dataIndex: 'status',
                  render: (s: SeriousList['status']) => (
                    <Tag color={STATUS_COLORS[s]}>{t(`alarms.serious.status.${s}`)}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={18}>
          {selected ? (
            <ListDetail key={selected} id={selected} city={city} onChanged={reload} />
          ) : (
            <Card>
              <Empty description={city ? t('alarms.serious.noLists') : t('alarms.serious.noPublished')} />
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
