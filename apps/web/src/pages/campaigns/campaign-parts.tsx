import { Space, Steps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignBatch, CampaignPhase, PhaseStatus } from '../../api/campaigns';

const STATUS_COLOR: Record<PhaseStatus, string> = {
  upcoming: 'default',
  current: 'processing',
  finished: 'success',
};

/** 未开始 / 进行中 / 已结束, plus 即将截止 and days left for the current phase. */
export function PhaseStatusTag({
  phase,
}: {
  phase: Pick<CampaignPhase, 'status' | 'deadline' | 'daysLeft'>;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[phase.status]} data-testid={`phase-status-${phase.status}`}>
        {t(`campaigns.status.${phase.status}`)}
      </Tag>
      {phase.status === 'current' && phase.deadline === 'due-soon' && (
        <Tag color="orange">{t('campaigns.dueSoon')}</Tag>
      )}
      {phase.status === 'current' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('campaigns.daysLeft', { count: phase.daysLeft })}
        </Typography.Text>
      )}
      {phase.status === 'upcoming' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('campaigns.startsIn', { count: phase.daysLeft })}
        </Typography.Text>
      )}
    </Space>
  );
}

export function CampaignStatusTag({ status }: { status: PhaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}

/** The batch label of a phase: 全部批次 or the batch name. */
export function batchLabel(
  t: (k: string) => string,
  batches: Pick<CampaignBatch, 'ordinal' | 'name'>[],
  ordinal: number | null,
): string {
  if (ordinal === null) return t('campaigns.allBatches');
  return batches.find((b) => b.ordinal === ordinal)?.name ?? String(ordinal);
}

/** Phases grouped per batch (campaign-wide first), in start order. */
export function phaseGroups(phases: CampaignPhase[]): { batch: number | null; phases: CampaignPhase[] }[] {
  const groups = new Map<number | null, CampaignPhase[]>();
  for (const p of phases) {
    const list = groups.get(p.batchOrdinal) ?? [];
    list.push(p);
    groups.set(p.batchOrdinal, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
    .map(([batch, list]) => ({ batch, phases: list.sort((x, y) => x.startsOn.localeCompare(y.startsOn)) }));
}

/** One batch's phases as steps: finished, the current one highlighted, upcoming waiting. */
export function PhaseSteps({ phases }: { phases: CampaignPhase[] }) {
  const { t } = useTranslation();
  const current = phases.findIndex((p) => p.status === 'current');
  const lastFinished = phases.map((p) => p.status).lastIndexOf('finished');
  return (
    <Steps
      size="small"
      current={current >= 0 ? current : lastFinished + 1}
      items={phases.map((p) => ({
        status: p.status === 'finished' ? 'finish' : p.status === 'current' ? 'process' : 'wait',
        title: (
          <Tooltip title={p.source ? `${p.name}（${p.source}）` : p.name}>
            <span data-testid={p.status === 'current' ? 'current-phase' : undefined}>
              {t(`campaigns.kind.${p.kind}`)}
            </span>
          </Tooltip>
        ),
        description: (
          <span style={{ fontSize: 12 }}>
            {p.startsOn}～{p.endsOn.slice(p.endsOn.slice(0, 4) === p.startsOn.slice(0, 4) ? 5 : 0)}
            {p.status === 'current' && (
              <>
                <br />
                <Tag color={p.deadline === 'due-soon' ? 'orange' : 'processing'} style={{ marginTop: 2 }}>
                  {t('campaigns.daysLeft', { count: p.daysLeft })}
                </Tag>
              </>
            )}
          </span>
        ),
      }))}
    />
  );
}
