import { connect, type Socket } from 'node:net';
import { type DecodeSuccess, decode, encode, Framer, type PacketInput } from '@dabiao/hj212';

/** A bare TCP client speaking HJ 212 for tests: send packets or raw bytes, collect decoded answers. */
export class TestUnit {
  readonly received: DecodeSuccess['packet'][] = [];
  private waiters: {
    match: (p: DecodeSuccess['packet']) => boolean;
    resolve: (p: DecodeSuccess['packet']) => void;
  }[] = [];
  private readonly framer = new Framer();
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      for (const ev of this.framer.push(chunk)) {
        if (ev.type !== 'frame') continue;
        const r = decode(ev.bytes.slice());
        if (!r.ok) continue;
        this.received.push(r.packet);
        this.waiters = this.waiters.filter((w) => {
          if (!w.match(r.packet)) return true;
          w.resolve(r.packet);
          return false;
        });
      }
    });
    socket.on('close', () => {
      this.closed = true;
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<TestUnit> {
    const socket = connect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new TestUnit(socket);
  }

  send(packet: PacketInput | Uint8Array | string): void {
    const bytes = typeof packet === 'string' || packet instanceof Uint8Array ? packet : encode(packet);
    this.socket.write(bytes);
  }

  /** Resolves with the first received packet (already or later) that matches. */
  waitFor(
    match: (p: DecodeSuccess['packet']) => boolean,
    timeoutMs = 10_000,
  ): Promise<DecodeSuccess['packet']> {
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching packet within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  answerTo(qn: string, cn = '9014') {
    return this.waitFor((p) => p.qn === qn && p.cn === cn);
  }

  async closedWithin(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (!this.closed && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
