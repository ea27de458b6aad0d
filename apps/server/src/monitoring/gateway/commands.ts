import {
  getMinInterval,
  getRtdInterval,
  getTime,
  type Packet,
  type PacketInput,
  qnFor,
  requestHistory,
  type Station,
  setMinInterval,
  setRtdInterval,
  setTime,
  startRealtime,
  stopRealtime,
} from '@dabiao/hj212';
import type { Clock } from '../../platform/config';
import type { Db } from '../../platform/db/database';
import type { CommandStatus } from '../../platform/db/schema';
import type { MonitorEntry } from './monitor-directory';
import type { UnitConnection } from './unit-connection';

/** The commands an operator may send to a unit from the platform. */
export type CommandRequest =
  | { kind: 'setTime' }
  | { kind: 'getTime' }
  | { kind: 'getRtdInterval' }
  | { kind: 'setRtdInterval'; seconds: number }
  | { kind: 'getMinInterval' }
  | { kind: 'setMinInterval'; minutes: number }
  | { kind: 'startRealtime' }
  | { kind: 'stopRealtime' }
  /** 补传: ask the unit to re-send a period's data (2011 real-time, 2051 minute, 2061 hourly, 2031 daily). */
  | { kind: 'resend'; cn: '2011' | '2051' | '2061' | '2031'; begin: Date; end: Date };

export class UnitNotConnected extends Error {}

const ST_BY_MEDIUM = { air: '31', water: '32' } as const;

/** How long a unit has to accept (9011) and to finish (9012) a request. */
const ACCEPT_TIMEOUT_MS = 30_000;
const EXECUTE_TIMEOUT_MS = 10 * 60_000;

export function buildCommand(request: CommandRequest, to: Station, now: Date, qn: string): PacketInput {
  const opts = { qn, now };
  switch (request.kind) {
    case 'setTime':
      return setTime(to, now, undefined, opts);
    case 'getTime':
      return getTime(to, undefined, opts);
    case 'getRtdInterval':
      return getRtdInterval(to, opts);
    case 'setRtdInterval':
      return setRtdInterval(to, request.seconds, opts);
    case 'getMinInterval':
      return getMinInterval(to, opts);
    case 'setMinInterval':
      return setMinInterval(to, request.minutes, opts);
    case 'startRealtime':
      return startRealtime(to, opts);
    case 'stopRealtime':
      return stopRealtime(to, opts);
    case 'resend':
      return requestHistory(to, request.cn, request.begin, request.end, opts);
  }
}

/**
 * Platform → unit requests and their follow-up: each is a `monitor_command` row whose status
 * moves sent → accepted/refused (9011) → succeeded/failed (9012), or to timeout.
 */
export class CommandCenter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private lastQn = '';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly connectionOf: (monitorId: number) => UnitConnection | undefined,
  ) {}

  async send(monitorId: number, request: CommandRequest, userId: number | null) {
    const conn = this.connectionOf(monitorId);
    if (!conn?.monitor) throw new UnitNotConnected(`monitor ${monitorId} is not connected`);
    const monitor = conn.monitor;
    const now = this.clock.now();
    const qn = this.nextQn(now);
    const packet = buildCommand(
      request,
      { st: ST_BY_MEDIUM[monitor.medium], pw: monitor.password, mn: monitor.mn },
      now,
      qn,
    );
    const params = { ...(packet.cp?.params ?? {}) } as Record<string, string | number>;
    const row = await this.db
      .insertInto('monitor_command')
      .values({
        monitor_id: monitorId,
        qn,
        cn: packet.cn,
        params: JSON.stringify(params),
        status: 'sent',
        requested_by: userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (!conn.send(packet)) {
      await this.setStatus(monitorId, qn, 'not_connected', {});
      throw new UnitNotConnected(`monitor ${monitorId} disconnected`);
    }
    this.arm(monitorId, qn, ACCEPT_TIMEOUT_MS);
    return row;
  }

  /** A 9011/9012 (or a data reply to a get request) from a unit. */
  async onReply(monitor: MonitorEntry, packet: Packet): Promise<void> {
    if (!packet.qn) return;
    const rtn = packet.cp.params;
    if (packet.cn === '9011') {
      const qnRtn = Number(rtn.QnRtn);
      const accepted = qnRtn === 1;
      await this.setStatus(monitor.id, packet.qn, accepted ? 'accepted' : 'refused', { qn_rtn: qnRtn });
      if (accepted) this.arm(monitor.id, packet.qn, EXECUTE_TIMEOUT_MS);
      else this.disarm(monitor.id, packet.qn);
    } else if (packet.cn === '9012') {
      const exeRtn = Number(rtn.ExeRtn);
      await this.setStatus(monitor.id, packet.qn, exeRtn === 1 ? 'succeeded' : 'failed', { exe_rtn: exeRtn });
      this.disarm(monitor.id, packet.qn);
    }
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** QNs are milliseconds; two commands in one millisecond get successive values. */
  private nextQn(now: Date): string {
    let qn = qnFor(now);
    if (qn <= this.lastQn) qn = String(BigInt(this.lastQn) + 1n);
    this.lastQn = qn;
    return qn;
  }

  private arm(monitorId: number, qn: string, ms: number): void {
    this.disarm(monitorId, qn);
    const timer = setTimeout(() => {
      this.timers.delete(`${monitorId}|${qn}`);
      void this.db
        .updateTable('monitor_command')
        .set({ status: 'timeout', updated_at: this.clock.now() })
        .where('monitor_id', '=', monitorId)
        .where('qn', '=', qn)
        .where('status', 'in', ['sent', 'accepted'])
        .execute()
        .catch(() => undefined);
    }, ms);
    timer.unref();
    this.timers.set(`${monitorId}|${qn}`, timer);
  }

  private disarm(monitorId: number, qn: string): void {
    const key = `${monitorId}|${qn}`;
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  private async setStatus(
    monitorId: number,
    qn: string,
    status: CommandStatus,
    extra: { qn_rtn?: number; exe_rtn?: number },
  ): Promise<void> {
    await this.db
      .updateTable('monitor_command')
      .set({ status, ...extra, updated_at: this.clock.now() })
      .where('monitor_id', '=', monitorId)
      .where('qn', '=', qn)
      .execute();
  }
}
