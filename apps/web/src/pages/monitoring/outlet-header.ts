// What the outlet page needs before anything else: who the outlet belongs to, what it measures,
// which units it has and whether they are online. No single endpoint answers this (see the
// report in the commit): the series endpoint's header, the enterprise record, the monitor list.
import { getEnterprise } from '../../api/enterprises';
import { getSeries, listMonitorStatus, type MonitorStatus, type Series } from '../../api/monitoring';
import type { Outlet } from '../../api/types';
import { shanghaiDate } from './time-range';

export interface OutletHeader {
  outletId: number;
  outletCode: string;
  outletName: string;
  outletKind: Series['outletKind'];
  enterpriseId: number;
  enterpriseName: string;
  referenceO2: number | null;
  /** The outlet's registered pollutants (empty when the enterprise record could not be read). */
  pollutants: string[];
  /** Its data units, active ones first. */
  monitors: { id: number; mn: string; active: boolean }[];
  status: MonitorStatus[];
}

const PROBE_POLLUTANT = 'a21026';

export async function loadOutletHeader(outletId: number, signal?: AbortSignal): Promise<OutletHeader> {
  const today = shanghaiDate(new Date());
  // Any well-formed code answers with the outlet's header (and a 404 outside the user's scope).
  const probe = await getSeries(
    outletId,
    { pollutant: PROBE_POLLUTANT, period: 'day', from: today, to: today },
    signal,
  );
  const [outlet, status] = await Promise.all([
    getEnterprise(probe.enterpriseId, signal).then(
      (e) => e.outlets.find((o) => o.id === outletId),
      (): Outlet | undefined => undefined,
    ),
    listMonitorStatus({ enterpriseId: probe.enterpriseId, pageSize: 200 }, signal).then(
      (page) => page.items.filter((m) => m.outletId === outletId),
      (): MonitorStatus[] => [],
    ),
  ]);
  return headerFrom(probe, outlet, status);
}

export function headerFrom(probe: Series, outlet: Outlet | undefined, status: MonitorStatus[]): OutletHeader {
  const monitors = outlet
    ? [...outlet.monitors]
        .sort((a, b) => Number(b.active) - Number(a.active) || a.id - b.id)
        .map((m) => ({ id: m.id, mn: m.mn, active: m.active }))
    : status.map((m) => ({ id: m.id, mn: m.mn, active: true }));
  return {
    outletId: probe.outletId,
    outletCode: probe.outletCode,
    outletName: probe.outletName,
    outletKind: probe.outletKind,
    enterpriseId: probe.enterpriseId,
    enterpriseName: probe.enterpriseName,
    referenceO2: probe.referenceO2,
    pollutants: outlet?.pollutants ?? [],
    monitors,
    status,
  };
}
