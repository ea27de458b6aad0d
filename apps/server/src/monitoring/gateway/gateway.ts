import { createServer, type Server } from 'node:net';
import type { Packet } from '@dabiao/hj212';
import type { Clock } from '../../platform/config';
import { systemClock } from '../../platform/config';
import type { Database } from '../../platform/db/database';
import { LiveFeed } from '../live/live-feed';
import { shanghaiIso } from '../shanghai-iso';
import { CommandCenter } from './commands';
import type { IngestItem } from './ingest.repository';
import { IngestWriter, type IngestWriterOptions } from './ingest-writer';
import { LastSeen } from './last-seen';
import { MonitorDirectory, type MonitorEntry } from './monitor-directory';
import { DEFAULT_RAW_RETENTION_DAYS, startRawRetention } from './raw-retention';
import { type ConnectionHost, type ConnectionLimits, UnitConnection } from './unit-connection';

export interface GatewayOptions {
  database: Database;
  port: number;
  host?: string;
  clock?: Clock;
  limits?: Partial<ConnectionLimits>;
  writer?: Omit<IngestWriterOptions, 'onPressure'>;
  log?: (event: string, detail: Record<string, unknown>) => void;
  /** Raw frames older than this are deleted (hourly); 0 keeps them forever. Default three years. */
  rawRetentionDays?: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxFrameLength: 4096,
  idleTimeoutMs: 10 * 60_000,
  maxInflight: 256,
  maxWriteBufferBytes: 256 * 1024,
  maxGarbageBytes: 64 * 1024,
  maxRejectsArchivedPerMinute: 30,
  quietFlushMs: 2000,
};

/**
 * The HJ 212 gateway (M2): a TCP server for data-acquisition units. Every frame is archived;
 * data are stored idempotently; answers go out only after commit; reading stops while storage
 * is behind.
 */
export class Gateway implements ConnectionHost {
  readonly limits: ConnectionLimits;
  readonly writer: IngestWriter;
  readonly commands: CommandCenter;
  readonly directory: MonitorDirectory;
  /** Committed records, pushed to live screens. */
  readonly live = new LiveFeed();
  private readonly connections = new Set<UnitConnection>();
  private readonly byMonitor = new Map<number, UnitConnection>();
  private readonly lastSeen: LastSeen;
  private server: Server | null = null;
  private retention: { stop(): Promise<void> } | null = null;
  private directoryTimer: NodeJS.Timeout | null = null;
  globallyPaused = false;
  private readonly clock: Clock;

  constructor(private readonly opts: GatewayOptions) {
    this.clock = opts.clock ?? systemClock;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    const db = opts.database.db;
    this.writer = new IngestWriter(db, {
      concurrency: opts.database.kind === 'pglite' ? 1 : 2,
      gatherMs: opts.database.kind === 'pglite' ? 5 : 0,
      onError: (error) => this.log('store-retry', { error: String(error) }),
      ...opts.writer,
      onPressure: (paused) => this.setPaused(paused),
    });
    this.directory = new MonitorDirectory(db);
    this.commands = new CommandCenter(db, this.clock, (monitorId) => this.byMonitor.get(monitorId));
    this.lastSeen = new LastSeen(db);
  }

  async listen(): Promise<number> {
    // Every registered MN in memory before the first unit connects, refreshed every 30 s.
    await this.directory.preload();
    this.directoryTimer = setInterval(
      () =>
        void this.directory
          .preload()
          .catch((error) => this.log('directory-failed', { error: String(error) })),
      30_000,
    );
    this.directoryTimer.unref();
    const server = createServer((socket) => {
      const conn = new UnitConnection(socket, this);
      this.connections.add(conn);
      socket.on('close', () => this.connections.delete(conn));
    });
    server.maxConnections = 20_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.host ?? '0.0.0.0', () => resolve());
    });
    this.lastSeen.start();
    const retentionDays = this.opts.rawRetentionDays ?? DEFAULT_RAW_RETENTION_DAYS;
    if (retentionDays > 0)
      this.retention = startRawRetention(this.opts.database.db, {
        retentionDays,
        now: () => this.clock.now(),
      });
    const address = server.address();
    return typeof address === 'object' && address ? address.port : this.opts.port;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  isConnected(monitorId: number): boolean {
    return this.byMonitor.has(monitorId);
  }

  now(): Date {
    return this.clock.now();
  }

  findMonitor(mn: string): Promise<MonitorEntry | null> {
    return this.directory.find(mn);
  }

  submit: ConnectionHost['submit'] = (item) => {
    if (item.frame.monitorId !== null && item.frame.verdict !== 'malformed')
      this.lastSeen.mark(item.frame.monitorId, item.frame.receivedAt, item.frame.peer);
    return this.writer.submit(item);
  };

  bind(conn: UnitConnection, monitor: MonitorEntry): void {
    const previous = this.byMonitor.get(monitor.id);
    if (previous && previous !== conn)
      this.log('rebind', { mn: monitor.mn, from: previous.peer, to: conn.peer });
    this.byMonitor.set(monitor.id, conn);
  }

  unbind(conn: UnitConnection): void {
    if (conn.monitor && this.byMonitor.get(conn.monitor.id) === conn) this.byMonitor.delete(conn.monitor.id);
  }

  onReply(monitor: MonitorEntry, packet: Packet): void {
    void this.commands
      .onReply(monitor, packet)
      .catch((error) => this.log('reply-failed', { error: String(error) }));
  }

  onStored(item: IngestItem): void {
    const r = item.record;
    if (!r) return;
    this.live.publish({
      monitorId: r.monitorId,
      kind: r.kind,
      dataTime: shanghaiIso(r.dataTime),
      receivedAt: shanghaiIso(item.frame.receivedAt),
      values: r.values,
    });
  }

  log(event: string, detail: Record<string, unknown>): void {
    this.opts.log?.(event, detail);
  }

  /** Stops accepting, closes connections, writes what is queued, flushes last-seen times. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (this.directoryTimer) clearInterval(this.directoryTimer);
    for (const conn of this.connections) conn.socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.writer.close();
    await this.retention?.stop();
    this.commands.close();
    await this.lastSeen.stop();
  }

  private setPaused(paused: boolean): void {
    this.globallyPaused = paused;
    this.log(paused ? 'paused' : 'resumed', { pending: this.writer.pending });
    for (const conn of this.connections) conn.applyGlobalPause(paused);
  }
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const gateway = new Gateway(opts);
  await gateway.listen();
  return gateway;
}
