import type { Socket } from 'node:net';
import {
  type DecodeResult,
  dataAnswer,
  decode,
  encode,
  Framer,
  type FramerEvent,
  type Packet,
  type PacketInput,
  requestAnswer,
  SubpacketAssembler,
  setTime,
} from '@dabiao/hj212';
import type { RawFrameVerdict } from '../../platform/db/schema';
import { frameKind, sniffMn } from './frame-kind';
import type { FrameToArchive, IngestItem, IngestOutcome } from './ingest.repository';
import type { MonitorEntry } from './monitor-directory';

/** What a connection needs from its gateway (kept narrow so the connection is testable alone). */
export interface ConnectionHost {
  now(): Date;
  findMonitor(mn: string): Promise<MonitorEntry | null>;
  submit(item: IngestItem): Promise<IngestOutcome>;
  /** Whether the gateway as a whole has paused reading (storage behind). */
  readonly globallyPaused: boolean;
  bind(conn: UnitConnection, monitor: MonitorEntry): void;
  unbind(conn: UnitConnection): void;
  onReply(monitor: MonitorEntry, packet: Packet): void;
  /** A data record was committed (not a duplicate): tell live screens. */
  onStored(item: IngestItem): void;
  readonly limits: ConnectionLimits;
  log(event: string, detail: Record<string, unknown>): void;
}

export interface ConnectionLimits {
  maxFrameLength: number;
  idleTimeoutMs: number;
  /** Frames waiting for storage per connection before this socket stops being read. */
  maxInflight: number;
  /** Answers the unit has not read yet; past this the unit is not reading and is dropped. */
  maxWriteBufferBytes: number;
  /** Skipped (garbage) bytes with no valid frame at all before the connection is closed. */
  maxGarbageBytes: number;
  /** Archive entries for unusable frames per connection and minute (the rest are only counted). */
  maxRejectsArchivedPerMinute: number;
  /** A frame missing only its CRLF is taken after this much silence. */
  quietFlushMs: number;
}

const ST_BY_MEDIUM = { air: '31', water: '32' } as const;

/** One data-acquisition unit's TCP connection: framing, checks, storage, answers after commit. */
export class UnitConnection {
  readonly peer: string;
  monitor: MonitorEntry | null = null;
  private readonly framer: Framer;
  private inflight = 0;
  private selfPaused = false;
  private chain: Promise<void> = Promise.resolve();
  private quietTimer: NodeJS.Timeout | null = null;
  /** Bytes received and bytes that were part of a frame: the difference is garbage (or held). */
  private receivedBytes = 0;
  private framedBytes = 0;
  private goodFrames = 0;
  private rejectWindow = { start: 0, count: 0 };
  /** Sub-packets (PNUM/PNO) waiting for their siblings, with their frames for the archive. */
  private subpackets: SubpacketAssembler | null = null;
  private readonly heldParts = new Map<string, FrameToArchive[]>();
  closed = false;

  constructor(
    readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    this.peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.framer = new Framer({ maxLength: host.limits.maxFrameLength });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    socket.setTimeout(host.limits.idleTimeoutMs, () => {
      host.log('idle-timeout', { peer: this.peer, mn: this.monitor?.mn });
      socket.destroy();
    });
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('end', () => {
      this.handleEvents(this.framer.end());
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.closed = true;
      if (this.quietTimer) clearTimeout(this.quietTimer);
      host.unbind(this);
    });
    if (host.globallyPaused) socket.pause();
  }

  /** Writes a platform request (or an answer) to the unit; false when the connection is gone. */
  send(input: PacketInput): boolean {
    if (this.closed) return false;
    let bytes: Uint8Array;
    try {
      bytes = encode(input);
    } catch (error) {
      this.host.log('encode-failed', { peer: this.peer, error: String(error) });
      return false;
    }
    this.socket.write(bytes);
    if (this.socket.writableLength > this.host.limits.maxWriteBufferBytes) {
      this.host.log('not-reading', {
        peer: this.peer,
        mn: this.monitor?.mn,
        buffered: this.socket.writableLength,
      });
      this.socket.destroy();
      return false;
    }
    return true;
  }

  /** The gateway's global pause changed: follow it unless this connection holds its own pause. */
  applyGlobalPause(paused: boolean): void {
    if (paused) this.socket.pause();
    else if (!this.selfPaused) this.socket.resume();
  }

  private onData(chunk: Buffer): void {
    this.receivedBytes += chunk.length;
    this.handleEvents(this.framer.push(chunk));
    // The framer reports a run of garbage only when it ends, so count it here.
    const garbage = this.receivedBytes - this.framedBytes - this.framer.buffered;
    if (this.goodFrames === 0 && garbage > this.host.limits.maxGarbageBytes) {
      this.host.log('garbage', { peer: this.peer, bytes: garbage });
      this.socket.destroy();
      return;
    }
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer =
      this.framer.buffered > 0
        ? setTimeout(() => {
            this.quietTimer = null;
            // A unit that omits the trailing CRLF waits for its answer: take what is buffered.
            if (!this.closed) this.handleEvents(this.framer.end());
          }, this.host.limits.quietFlushMs)
        : null;
  }

  private handleEvents(events: FramerEvent[]): void {
    for (const ev of events) {
      if (ev.type === 'frame') {
        this.framedBytes += ev.bytes.length;
        const bytes = ev.bytes.slice();
        const receivedAt = this.host.now();
        this.chain = this.chain.then(() => this.handleFrame(bytes, receivedAt));
      } else {
        this.reject(
          { bytes: new Uint8Array(0), mn: this.monitor?.mn ?? null, cn: null, qn: null },
          'malformed',
          ev.reason,
          `${ev.length} bytes skipped at stream offset ${ev.offset}`,
        );
      }
    }
  }

  private async handleFrame(bytes: Uint8Array, receivedAt: Date): Promise<void> {
    if (this.closed) return;
    const result: DecodeResult = decode(bytes);
    if (!result.ok) {
      this.reject(
        { bytes, mn: sniffMn(bytes), cn: null, qn: null },
        'malformed',
        result.code,
        result.message,
      );
      return;
    }
    const packet = result.packet;
    const base = { bytes, mn: packet.mn, cn: packet.cn, qn: packet.qn ?? null };
    const tolerances = result.tolerances.map((t) => t.name);
    let monitor: MonitorEntry | null;
    try {
      monitor = await this.host.findMonitor(packet.mn);
    } catch (error) {
      // Registry unreadable: do not answer; the unit will retry.
      this.host.log('lookup-failed', { peer: this.peer, error: String(error) });
      return;
    }
    if (!monitor) return this.refuse(packet, base, 'unknown_mn', 4);
    if (packet.pw !== monitor.password) return this.refuse(packet, base, 'bad_password', 3);
    if (!monitor.active) return this.refuse(packet, base, 'inactive', 2);
    this.goodFrames++;
    if (this.monitor?.id !== monitor.id) {
      this.monitor = monitor;
      this.host.bind(this, monitor);
    }
    const frame: FrameToArchive = {
      ...base,
      receivedAt,
      peer: this.peer,
      monitorId: monitor.id,
      verdict: 'stored',
      tolerances,
    };
    const kind = frameKind(packet);
    let parts: FrameToArchive[] | undefined;
    let answers = 1;
    if (packet.flag.subpacket && (packet.pnum ?? 1) > 1) {
      const whole = this.addSubpacket(packet, frame);
      this.expireSubpackets();
      if (!whole) return; // wait for the other parts; they are answered together once stored
      parts = whole.parts;
      answers = parts.length + 1;
      Object.assign(packet, { cp: whole.packet.cp });
    }
    if (kind.type === 'data') {
      if (!packet.cp.dataTime) {
        this.track({
          frame: { ...frame, verdict: 'malformed', errorCode: 'BAD_FIELD', detail: 'no DataTime' },
        });
        return;
      }
      const item: IngestItem = {
        frame,
        ...(parts ? { parts } : {}),
        record: {
          monitorId: monitor.id,
          kind: kind.kind,
          dataTime: packet.cp.dataTime,
          values: cleanValues(packet),
        },
      };
      this.track(item, (outcome) => {
        if (outcome === 'stored') this.host.onStored(item);
        if (packet.flag.answerRequired) for (let k = 0; k < answers; k++) this.send(dataAnswer(packet));
      });
      return;
    }
    if (kind.type === 'reply') {
      this.host.onReply(monitor, packet);
      this.track({ frame: { ...frame, verdict: 'answer' } });
      return;
    }
    const station = { st: ST_BY_MEDIUM[monitor.medium], pw: monitor.password, mn: monitor.mn };
    this.track({ frame: { ...frame, verdict: 'unsupported' } }, () => {
      if (kind.type === 'time-request')
        this.send(setTime(station, this.host.now(), undefined, { now: this.host.now() }));
      else if (packet.flag.answerRequired) this.send(dataAnswer(packet));
    });
  }

  /** Holds a sub-packet; returns the merged packet and the earlier parts' frames once all arrived. */
  private addSubpacket(
    packet: Packet,
    frame: FrameToArchive,
  ): { packet: Packet; parts: FrameToArchive[] } | null {
    this.subpackets ??= new SubpacketAssembler({
      timeoutMs: 60_000,
      maxGroups: 16,
      now: () => this.host.now().getTime(),
    });
    const key = `${packet.mn}|${packet.cn}|${packet.qn ?? ''}`;
    const held = this.heldParts.get(key) ?? [];
    const whole = this.subpackets.add(packet);
    if (!whole) {
      held.push(frame);
      this.heldParts.set(key, held);
      return null;
    }
    this.heldParts.delete(key);
    return { packet: whole, parts: held };
  }

  /** Incomplete sub-packet groups past their timeout are archived as such (never stored as data). */
  private expireSubpackets(): void {
    for (const g of this.subpackets?.expire() ?? []) {
      const key = `${g.mn}|${g.cn}|${g.qn ?? ''}`;
      const held = this.heldParts.get(key) ?? [];
      this.heldParts.delete(key);
      const [first, ...rest] = held;
      if (!first) continue;
      this.track({
        frame: {
          ...first,
          verdict: 'malformed',
          errorCode: 'INCOMPLETE_SUBPACKETS',
          detail: `missing PNO ${g.missing.join(',')} of ${g.pnum}`,
        },
        parts: rest.map((f) => ({ ...f, verdict: 'malformed', errorCode: 'INCOMPLETE_SUBPACKETS' })),
      });
    }
  }

  /** Archives a refused frame and tells the unit why (9011 with the QnRtn of the standard). */
  private refuse(
    packet: Packet,
    base: Pick<FrameToArchive, 'bytes' | 'mn' | 'cn' | 'qn'>,
    verdict: RawFrameVerdict,
    qnRtn: 2 | 3 | 4,
  ): void {
    this.reject(base, verdict, null, null);
    if (packet.flag.answerRequired && packet.qn) this.send(requestAnswer(packet, qnRtn));
  }

  private reject(
    base: Pick<FrameToArchive, 'bytes' | 'mn' | 'cn' | 'qn'>,
    verdict: RawFrameVerdict,
    errorCode: string | null,
    detail: string | null,
  ): void {
    const now = this.host.now().getTime();
    if (now - this.rejectWindow.start > 60_000) this.rejectWindow = { start: now, count: 0 };
    if (++this.rejectWindow.count > this.host.limits.maxRejectsArchivedPerMinute) return;
    this.track({
      frame: {
        ...base,
        receivedAt: new Date(now),
        peer: this.peer,
        monitorId: this.monitor?.id ?? null,
        verdict,
        errorCode,
        detail,
      },
    });
  }

  /** Submits an item; `afterCommit` runs only once it is durably stored. */
  private track(item: IngestItem, afterCommit?: (outcome: IngestOutcome) => void): void {
    this.inflight++;
    if (this.inflight >= this.host.limits.maxInflight && !this.selfPaused) {
      this.selfPaused = true;
      this.socket.pause();
    }
    this.host.submit(item).then(
      (outcome) => {
        this.settle();
        afterCommit?.(outcome);
      },
      (error) => {
        this.settle();
        this.host.log('store-failed', { peer: this.peer, error: String(error) });
        this.socket.destroy();
      },
    );
  }

  private settle(): void {
    this.inflight--;
    if (this.selfPaused && this.inflight <= this.host.limits.maxInflight / 2) {
      this.selfPaused = false;
      if (!this.host.globallyPaused && !this.closed) this.socket.resume();
    }
  }
}

/** The pollutant fields to store: numbers and flags as sent, nothing undefined. */
function cleanValues(packet: Packet): Record<string, Record<string, number | string>> {
  const out: Record<string, Record<string, number | string>> = {};
  for (const [code, fields] of Object.entries(packet.cp.pollutants)) {
    const f: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) f[k] = v;
    out[code] = f;
  }
  return out;
}
