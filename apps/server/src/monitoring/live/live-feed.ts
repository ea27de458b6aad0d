/** A record just committed by the gateway, as pushed to screens. */
export interface LiveRecord {
  monitorId: number;
  kind: 'rtd' | 'min' | 'hour' | 'day';
  dataTime: string;
  receivedAt: string;
  values: Record<string, Record<string, number | string>>;
}

type Listener = (record: LiveRecord) => void;

/**
 * In-process fan-out of committed records to live screens, by monitor. Publishing is cheap when
 * nobody listens (one map lookup), so the gateway publishes every stored record.
 */
export class LiveFeed {
  private readonly byMonitor = new Map<number, Set<Listener>>();
  private readonly everyRecord = new Set<Listener>();

  publish(record: LiveRecord): void {
    for (const l of this.everyRecord) l(record);
    const listeners = this.byMonitor.get(record.monitorId);
    if (!listeners) return;
    for (const l of listeners) l(record);
  }

  /** Every committed record, whatever the monitor (the aggregator's wake-up). */
  subscribeAll(listener: Listener): () => void {
    this.everyRecord.add(listener);
    return () => this.everyRecord.delete(listener);
  }

  subscribe(monitorIds: readonly number[], listener: Listener): () => void {
    for (const id of monitorIds) {
      const set = this.byMonitor.get(id) ?? new Set<Listener>();
      this.byMonitor.set(id, set);
      set.add(listener);
    }
    return () => {
      for (const id of monitorIds) {
        const set = this.byMonitor.get(id);
        set?.delete(listener);
        if (set?.size === 0) this.byMonitor.delete(id);
      }
    };
  }

  get listenerCount(): number {
    let n = 0;
    for (const s of this.byMonitor.values()) n += s.size;
    return n;
  }
}
