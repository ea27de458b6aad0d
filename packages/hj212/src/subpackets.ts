import { put } from './text.js';
import type { Packet } from './types.js';

// Reassembly of PNUM/PNO sequences. A message too long for one packet is split with Flag D=1; the
// parts share MN, CN and QN. Parts may arrive out of order or not at all, so incomplete groups
// expire after a timeout and are reported (the platform then asks for a re-send).

export interface SubpacketOptions {
  /** How long an incomplete group waits for its missing parts; default 60 s. */
  timeoutMs?: number;
  /** Injected clock (ms); default Date.now. */
  now?: () => number;
  /** Most groups held at once; the oldest is dropped (and reported by expire()) past it. Default 1000. */
  maxGroups?: number;
}

export interface ExpiredGroup {
  mn: string;
  cn: string;
  qn?: string;
  pnum: number;
  /** PNO values that never arrived. */
  missing: number[];
  firstAt: number;
}

interface Group {
  parts: (Packet | undefined)[];
  count: number;
  firstAt: number;
}

export class SubpacketAssembler {
  private readonly groups = new Map<string, Group>();
  private readonly dropped: ExpiredGroup[] = [];
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly maxGroups: number;

  constructor(opts: SubpacketOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.maxGroups = opts.maxGroups ?? 1000;
  }

  /** Add a packet; returns the whole message when this completes it (or it was never split), else null. */
  add(packet: Packet): Packet | null {
    const { pnum, pno } = packet;
    if (pnum === undefined || pno === undefined) return packet;
    if (pnum === 1) return merge([packet]);
    const key = `${packet.mn}\u0000${packet.cn}\u0000${packet.qn ?? ''}`;
    let group = this.groups.get(key);
    if (group !== undefined && group.parts.length !== pnum) {
      this.groups.delete(key); // a new message reusing the key: the old one will not complete
      this.dropped.push(report(group));
      group = undefined;
    }
    if (group === undefined) {
      if (this.groups.size >= this.maxGroups) this.evictOldest();
      group = { parts: new Array<Packet | undefined>(pnum).fill(undefined), count: 0, firstAt: this.now() };
      this.groups.set(key, group);
    }
    if (group.parts[pno - 1] === undefined) group.count++;
    group.parts[pno - 1] = packet; // a repeated part (a retry) replaces the earlier copy
    if (group.count < pnum) return null;
    this.groups.delete(key);
    return merge(group.parts as Packet[]);
  }

  /** Remove and report groups older than the timeout (and any dropped for room). */
  expire(): ExpiredGroup[] {
    const out = this.dropped.splice(0);
    const cutoff = this.now() - this.timeoutMs;
    for (const [key, group] of this.groups) {
      if (group.firstAt > cutoff) continue;
      this.groups.delete(key);
      out.push(report(group));
    }
    return out;
  }

  /** Incomplete groups held now. */
  get size(): number {
    return this.groups.size;
  }

  private evictOldest(): void {
    const first = this.groups.entries().next();
    if (first.done) return;
    this.groups.delete(first.value[0]);
    this.dropped.push(report(first.value[1]));
  }
}

function report(group: Group): ExpiredGroup {
  const any = group.parts.find((p) => p !== undefined)!;
  const missing = group.parts.flatMap((p, k) => (p === undefined ? [k + 1] : []));
  const out: ExpiredGroup = {
    mn: any.mn,
    cn: any.cn,
    pnum: group.parts.length,
    missing,
    firstAt: group.firstAt,
  };
  if (any.qn !== undefined) out.qn = any.qn;
  return out;
}

/** One packet from parts in PNO order: pollutant fields and parameters merged, PNUM/PNO dropped. */
function merge(parts: Packet[]): Packet {
  const first = parts[0]!;
  const raw = first.flag.raw & ~2;
  const { pnum: _n, pno: _o, ...head } = first;
  const out: Packet = {
    ...head,
    flag: { ...first.flag, raw, subpacket: false },
    cp: { pollutants: {}, params: {} },
  };
  for (const part of parts) {
    const cp = part.cp;
    if (cp.dataTime !== undefined && out.cp.dataTime === undefined) {
      out.cp.dataTime = cp.dataTime;
      if (cp.dataTimeText !== undefined) out.cp.dataTimeText = cp.dataTimeText;
    }
    for (const [key, value] of Object.entries(cp.params)) put(out.cp.params, key, value);
    for (const [code, fields] of Object.entries(cp.pollutants)) {
      const into = Object.hasOwn(out.cp.pollutants, code)
        ? out.cp.pollutants[code]!
        : put(out.cp.pollutants, code, {});
      for (const [name, value] of Object.entries(fields)) put(into, name, value);
    }
  }
  return out;
}
