// A tiny HJ 212 platform for tests: accepts units over TCP, records every packet, answers uploads
// with 9014 (when `answer` says so), and can send requests to the connected units.
import net from 'node:net';
import { dataAnswer, decode, encode, Framer, type Packet, type PacketInput } from '@dabiao/hj212';

export class FakeGateway {
  readonly packets: Packet[] = [];
  /** Frames that failed to decode (should stay empty). */
  readonly bad: string[] = [];
  readonly sockets = new Set<net.Socket>();
  connections = 0;
  /** Whether to answer an upload; `seen` counts the packets with this QN so far (1 on the first). */
  answer: (p: Packet, seen: number, socket: net.Socket) => boolean = () => true;
  private readonly seen = new Map<string, number>();

  private constructor(private readonly server: net.Server) {}

  static async start(): Promise<FakeGateway> {
    const server = net.createServer();
    const gw = new FakeGateway(server);
    server.on('connection', (socket) => gw.accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return gw;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  private accept(socket: net.Socket): void {
    this.connections++;
    this.sockets.add(socket);
    const framer = new Framer();
    socket.on('data', (chunk: Buffer) => {
      for (const ev of framer.push(chunk)) {
        if (ev.type !== 'frame') continue;
        const r = decode(ev.bytes);
        if (!r.ok) {
          this.bad.push(`${r.code}: ${new TextDecoder().decode(ev.bytes)}`);
          continue;
        }
        const p = r.packet;
        this.packets.push(p);
        const key = `${p.mn}/${p.qn}/${p.pno ?? 0}`;
        const seen = (this.seen.get(key) ?? 0) + 1;
        this.seen.set(key, seen);
        if (p.flag.answerRequired && this.answer(p, seen, socket) && !socket.destroyed)
          socket.write(encode(dataAnswer(p)));
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => this.sockets.delete(socket));
  }

  /** Sends a request to every connected unit. */
  send(p: PacketInput): void {
    for (const s of this.sockets) s.write(encode(p));
  }

  /** Uploads (data CNs) received, optionally of one CN. */
  uploads(cn?: string): Packet[] {
    return this.packets.filter((p) => (cn ? p.cn === cn : /^20[1-6]1$/.test(p.cn)));
  }

  dropAll(): void {
    for (const s of this.sockets) s.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` holds or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
