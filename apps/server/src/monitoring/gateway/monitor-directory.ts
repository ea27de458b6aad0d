import type { Db } from '../../platform/db/database';

export interface MonitorEntry {
  id: number;
  mn: string;
  password: string;
  active: boolean;
  /** The outlet's medium: air outlets speak ST 31, water outlets ST 32. */
  medium: 'air' | 'water';
}

/**
 * MN → monitor, cached. A registered MN is loaded once and refreshed after `ttlMs` (so a changed
 * password or a deactivation takes effect within that time); an unknown MN is remembered for
 * `negativeTtlMs` so a misconfigured unit cannot turn each of its packets into a query.
 */
export class MonitorDirectory {
  private readonly cache = new Map<string, { entry: MonitorEntry | null; at: number }>();
  private readonly loading = new Map<string, Promise<MonitorEntry | null>>();

  constructor(
    private readonly db: Db,
    private readonly opts: { ttlMs?: number; negativeTtlMs?: number; now?: () => number } = {},
  ) {}

  async find(mn: string): Promise<MonitorEntry | null> {
    const now = (this.opts.now ?? Date.now)();
    const hit = this.cache.get(mn);
    if (hit) {
      const ttl = hit.entry ? (this.opts.ttlMs ?? 60_000) : (this.opts.negativeTtlMs ?? 30_000);
      if (now - hit.at < ttl) return hit.entry;
    }
    const inFlight = this.loading.get(mn);
    if (inFlight) return inFlight;
    const load = this.load(mn).then(
      (entry) => {
        this.cache.set(mn, { entry, at: now });
        if (this.cache.size > 200_000) this.cache.clear();
        return entry;
      },
      (error) => {
        throw error;
      },
    );
    this.loading.set(mn, load);
    try {
      return await load;
    } finally {
      this.loading.delete(mn);
    }
  }

  /**
   * Loads every registered monitor in one query, so thousands of units connecting at once (after
   * a restart) do not each cost a lookup. Called at start and then periodically by the gateway.
   */
  async preload(): Promise<number> {
    const at = (this.opts.now ?? Date.now)();
    const rows = await this.select().execute();
    for (const row of rows) this.cache.set(row.mn, { entry: toEntry(row), at });
    return rows.length;
  }

  /** Drop one MN (after an edit in the registry) or everything. */
  invalidate(mn?: string): void {
    if (mn === undefined) this.cache.clear();
    else this.cache.delete(mn);
  }

  private async load(mn: string): Promise<MonitorEntry | null> {
    const row = await this.select().where('monitor.mn', '=', mn).executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  private select() {
    return this.db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select([
        'monitor.id',
        'monitor.mn',
        'monitor.password',
        'monitor.active as monitorActive',
        'outlet.active as outletActive',
        'enterprise.active as enterpriseActive',
        'outlet.kind',
      ]);
  }
}

function toEntry(row: {
  id: number;
  mn: string;
  password: string;
  monitorActive: boolean;
  outletActive: boolean;
  enterpriseActive: boolean;
  kind: string;
}): MonitorEntry {
  return {
    id: row.id,
    mn: row.mn,
    password: row.password,
    active: row.monitorActive && row.outletActive && row.enterpriseActive,
    medium: row.kind === 'water' ? 'water' : 'air',
  };
}
