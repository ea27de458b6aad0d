// One data-acquisition unit on a TCP connection to the platform: uploads with Flag=5 and waits for
// the 9014 with the same QN (timeout 5 s, 3 retries, then keeps the record to re-send later),
// answers the platform's requests, reconnects with back-off and re-sends what was not answered.
import net from 'node:net';
import { decode, encode, Framer, type Packet, type PacketInput, qnFor } from '@dabiao/hj212';
import { type CommandTarget, handleCommand, type UnitSettings } from './commands.js';
import { encodeRecord } from './packets.js';
import type { DataRecord, SimUnit } from './types.js';

export interface UnitClientOptions {
  host: string;
  port: number;
  unit: SimUnit;
  /** Wait for a 9014 this long before retrying; default 5000 ms (HJ 212-2017 default). */
  answerTimeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** Uploads awaiting an answer at once; default 1 (send, wait, send). */
  maxInFlight?: number;
  /** First reconnect delay, doubled up to maxReconnectDelayMs (default 1000 / 30000 ms). */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Records kept for re-sending at most (oldest dropped first); default 10000. */
  maxStored?: number;
  /** The simulated time (epoch ms) the unit's clock follows; default Date.now. */
  clock?: () => number;
  /** Stored records for history re-send requests (2031/2051/2061 with BeginTime/EndTime). */
  history?: (cn: string, begin: number, end: number) => DataRecord[];
  settings?: Partial<UnitSettings>;
  onEvent?: (e: ClientEvent) => void;
  /** Called when connected, nothing is queued and fewer than maxInFlight await an answer: a feeder can add more. */
  onReady?: () => void;
}

export type ClientEvent =
  | { type: 'connect'; mn: string }
  | { type: 'disconnect'; mn: string }
  | { type: 'sent'; mn: string; qn: string; cn: string; dataTime: Date }
  | { type: 'answered'; mn: string; qn: string; cn: string }
  | { type: 'retry'; mn: string; qn: string; attempt: number }
  | { type: 'failure'; mn: string; qn: string; kept: boolean }
  | { type: 'command'; mn: string; cn: string; qn: string | undefined }
  | { type: 'error'; mn: string; message: string };

export interface ClientStats {
  /** Uploads transmitted for the first time. */
  sent: number;
  /** Uploads answered with 9014. */
  answered: number;
  /** Re-transmissions: after a timeout, after a reconnect, or from the stored backlog. */
  retries: number;
  /** Uploads that got no answer after all retries (kept for later unless real-time or a re-send). */
  failures: number;
  /** Platform requests handled. */
  commands: number;
  connects: number;
  disconnects: number;
  /** Stored records dropped because more than maxStored were waiting. */
  dropped: number;
  /** Incoming frames that did not decode. */
  badFrames: number;
}

interface Upload {
  record: DataRecord;
  /** Kept for re-sending when all retries fail (false for real-time data and re-send requests). */
  keep: boolean;
  qn?: string;
  frames?: Uint8Array[];
  attempts: number;
  transmitted: boolean;
  timer?: NodeJS.Timeout;
  onDone?: (answered: boolean) => void;
}

export class UnitClient implements CommandTarget {
  readonly mn: string;
  readonly st: string;
  pw: string;
  readonly settings: UnitSettings;
  readonly stats: ClientStats = {
    sent: 0,
    answered: 0,
    retries: 0,
    failures: 0,
    commands: 0,
    connects: 0,
    disconnects: 0,
    dropped: 0,
    badFrames: 0,
  };
  private socket: net.Socket | undefined;
  private connected = false;
  private stopped = false;
  /** Held down by the disconnect scenario: no reconnecting until released. */
  private held = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay: number;
  private readonly queue: Upload[] = [];
  private readonly backlog: Upload[] = [];
  private readonly inFlight = new Map<string, Upload>();
  /** Backlog items go out once the platform has shown it answers (a 9014 or a fresh connection). */
  private backlogReady = false;
  private lastQnMs = 0;
  private clockOffset = 0;
  private closed: Promise<void> = Promise.resolve();

  constructor(private readonly opts: UnitClientOptions) {
    this.mn = opts.unit.mn;
    this.st = opts.unit.st;
    this.pw = opts.unit.pw;
    this.settings = {
      rtdInterval: 30,
      minInterval: 10,
      realtime: false,
      answerTimeoutMs: opts.answerTimeoutMs ?? 5000,
      retries: opts.retries ?? 3,
      ...opts.settings,
    };
    this.reconnectDelay = opts.reconnectDelayMs ?? 1000;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Records queued, awaiting an answer, or stored for re-sending. */
  get pending(): number {
    return this.queue.length + this.inFlight.size + this.backlog.length;
  }

  /** Nothing queued or in flight (the stored backlog may still hold records). */
  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight.size === 0;
  }

  /** Idle, and the backlog is empty or waits for the platform to answer again: nothing more will go out by itself. */
  get settled(): boolean {
    return this.idle && (this.backlog.length === 0 || !this.backlogReady);
  }

  get storedCount(): number {
    return this.backlog.length;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Queues an upload; `keep: false` for data that is not stored (real-time) or already a re-send. */
  send(record: DataRecord, opts: { keep?: boolean; onDone?: (answered: boolean) => void } = {}): void {
    const u: Upload = { record, keep: opts.keep ?? true, attempts: 0, transmitted: false };
    if (opts.onDone) u.onDone = opts.onDone;
    this.queue.push(u);
    this.trim();
    this.pump();
  }

  /** Drops the connection and stays offline until hold(false) (the disconnect scenario). */
  hold(down: boolean): void {
    if (down === this.held) return;
    this.held = down;
    if (down) {
      clearTimeout(this.reconnectTimer);
      this.drop();
    } else if (!this.stopped) this.connect();
  }

  /** Drops the connection; the client reconnects after its delay (unless held or stopped). */
  drop(): void {
    this.connected = false;
    this.socket?.destroy();
  }

  /** Closes the connection for good. Unanswered records stay counted as pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    for (const u of this.inFlight.values()) clearTimeout(u.timer);
    this.socket?.destroy();
    await this.closed;
  }

  // --- CommandTarget ---

  now(): number {
    return (this.opts.clock ?? Date.now)() + this.clockOffset;
  }

  setTime(t: number): void {
    this.clockOffset += t - this.now();
  }

  reply(p: PacketInput): void {
    this.socket?.write(encode(p));
  }

  resend(cn: string, begin: number, end: number, done: (count: number, failed: number) => void): void {
    const records = this.opts.history?.(cn, begin, end) ?? [];
    if (records.length === 0) {
      done(0, 0);
      return;
    }
    let left = records.length;
    let failed = 0;
    for (const r of records)
      this.send(r, {
        keep: false,
        onDone: (answered) => {
          if (!answered) failed++;
          if (--left === 0) done(records.length, failed);
        },
      });
  }

  // --- connection ---

  private connect(): void {
    if (this.stopped || this.held || this.socket) return;
    const socket = net.connect({ host: this.opts.host, port: this.opts.port });
    this.socket = socket;
    const framer = new Framer();
    let opened = false;
    socket.setNoDelay(true);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('connect', () => {
      if (this.socket !== socket) return;
      opened = true;
      this.connected = true;
      this.stats.connects++;
      this.reconnectDelay = this.opts.reconnectDelayMs ?? 1000;
      this.backlogReady = true;
      this.emit({ type: 'connect', mn: this.mn });
      this.pump();
    });
    socket.on('data', (chunk: Buffer) => {
      for (const ev of framer.push(chunk)) if (ev.type === 'frame') this.onFrame(ev.bytes);
    });
    socket.on('error', (err) => this.emit({ type: 'error', mn: this.mn, message: err.message }));
    socket.on('close', () => this.onClose(socket, opened));
  }

  private onClose(socket: net.Socket, opened: boolean): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    if (opened) {
      this.stats.disconnects++;
      this.emit({ type: 'disconnect', mn: this.mn });
    }
    this.connected = false;
    // Unanswered uploads go back to the front of the queue, in order, to be re-sent on reconnect.
    const waiting = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const u of waiting) {
      clearTimeout(u.timer);
      u.attempts = 0;
    }
    this.queue.unshift(...waiting);
    if (this.stopped || this.held) return;
    this.reconnectTimer = setTimeout(() => this.connect(), this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.opts.maxReconnectDelayMs ?? 30_000);
  }

  private onFrame(bytes: Uint8Array): void {
    const r = decode(bytes);
    if (!r.ok) {
      this.stats.badFrames++;
      return;
    }
    const p = r.packet;
    if (p.cn === '9014') this.onAnswer(p);
    else if (!p.cn.startsWith('9')) {
      this.stats.commands++;
      this.emit({ type: 'command', mn: this.mn, cn: p.cn, qn: p.qn });
      handleCommand(this, p);
    }
  }

  private onAnswer(p: Packet): void {
    if (p.qn === undefined) return;
    const u = this.inFlight.get(p.qn);
    if (!u) {
      // A late answer to a record already stored for re-sending: it arrived after all.
      const i = this.backlog.findIndex((b) => b.qn === p.qn);
      if (i >= 0) this.finish(this.backlog.splice(i, 1)[0]!);
      return;
    }
    clearTimeout(u.timer);
    this.inFlight.delete(p.qn);
    this.finish(u);
    this.pump();
  }

  private finish(u: Upload): void {
    this.stats.answered++;
    this.backlogReady = true;
    this.emit({ type: 'answered', mn: this.mn, qn: u.qn!, cn: u.record.cn });
    u.onDone?.(true);
  }

  // --- sending ---

  private pump(): void {
    const max = this.opts.maxInFlight ?? 1;
    while (this.connected && this.inFlight.size < max) {
      const u = (this.backlogReady ? this.backlog.shift() : undefined) ?? this.queue.shift();
      if (!u) break;
      this.transmit(u);
    }
    if (this.connected && this.queue.length === 0 && this.inFlight.size < max) this.opts.onReady?.();
  }

  private transmit(u: Upload): void {
    if (!u.qn || !u.frames) {
      u.qn = this.nextQn();
      u.frames = encodeRecord({ st: this.st, pw: this.pw, mn: this.mn }, u.record, u.qn);
    }
    if (u.transmitted) {
      this.stats.retries++;
      this.emit({ type: 'retry', mn: this.mn, qn: u.qn, attempt: u.attempts + 1 });
    } else {
      u.transmitted = true;
      this.stats.sent++;
      this.emit({ type: 'sent', mn: this.mn, qn: u.qn, cn: u.record.cn, dataTime: u.record.dataTime });
    }
    this.inFlight.set(u.qn, u);
    this.write(u);
  }

  private write(u: Upload): void {
    u.attempts++;
    for (const f of u.frames!) this.socket?.write(f);
    u.timer = setTimeout(() => this.onTimeout(u), this.settings.answerTimeoutMs);
  }

  private onTimeout(u: Upload): void {
    if (this.inFlight.get(u.qn!) !== u) return;
    if (u.attempts <= this.settings.retries) {
      this.stats.retries++;
      this.emit({ type: 'retry', mn: this.mn, qn: u.qn!, attempt: u.attempts + 1 });
      this.write(u);
      return;
    }
    this.inFlight.delete(u.qn!);
    this.stats.failures++;
    this.emit({ type: 'failure', mn: this.mn, qn: u.qn!, kept: u.keep });
    if (u.keep) {
      u.attempts = 0;
      this.backlog.push(u);
      this.backlogReady = false;
      this.trim();
    } else u.onDone?.(false);
    this.pump();
  }

  /** A QN from the unit's clock, strictly increasing so no two uploads of a unit share one. */
  private nextQn(): string {
    const ms = Math.max(Math.floor(this.now()), this.lastQnMs + 1);
    this.lastQnMs = ms;
    return qnFor(ms);
  }

  private trim(): void {
    const max = this.opts.maxStored ?? 10_000;
    while (this.queue.length + this.backlog.length > max) {
      const dropped = this.backlog.length > 0 ? this.backlog.shift() : this.queue.shift();
      dropped?.onDone?.(false);
      this.stats.dropped++;
    }
  }

  private emit(e: ClientEvent): void {
    this.opts.onEvent?.(e);
  }
}
