import { crc16 } from '../src/crc.js';
import { decode } from '../src/decode.js';
import { Framer } from '../src/frame.js';
import { minutePacket } from './packet.js';

// `npm run bench -w packages/hj212`: decode+validate vs bare CRC on one 10-pollutant minute
// packet, then 1 GB of packets through the framer with memory watched. Batches alternate
// decode and CRC so both see the same machine state; the median of five rounds is reported.
// Rates are per CPU-second (process.cpuUsage), i.e. per core, unaffected by other processes.
// The last line is one JSON object for scripts.

const packet = minutePacket(10);
const len = packet.length - 12;

/** CPU time of this process in ms: rates are per second of one core, even on a busy host. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Alternate batches of `a` and `b` for `ms` of CPU time, timing each batch, so both see the same
 * machine state (frequency, a busy sibling core). Returns operations per CPU-second of each.
 */
function race(a: () => void, b: () => void, ms: number, batch = 3000): [number, number] {
  let ta = 0;
  let tb = 0;
  let n = 0;
  const end = cpuMs() + ms;
  while (cpuMs() < end) {
    const t0 = cpuMs();
    for (let k = 0; k < batch; k++) a();
    const t1 = cpuMs();
    for (let k = 0; k < batch; k++) b();
    tb += cpuMs() - t1;
    ta += t1 - t0;
    n += batch;
  }
  return [(n * 1000) / ta, (n * 1000) / tb];
}

let sink = 0;
const decodeOnce = () => {
  const r = decode(packet);
  if (!r.ok) throw new Error(r.message);
  sink += r.packet.cp.dataTime!.getTime() & 1;
};
const crcOnce = () => {
  sink += crc16(packet, 6, 6 + len);
};

race(decodeOnce, crcOnce, 1000); // warm-up
const decodes: number[] = [];
const crcs: number[] = [];
for (let round = 0; round < 5; round++) {
  const [d, c] = race(decodeOnce, crcOnce, 800);
  decodes.push(d);
  crcs.push(c);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const decodePerSec = median(decodes);
const crcPerSec = median(crcs);
console.log(`packet: ${packet.length} bytes (data segment ${len}), 10 pollutants, CN 2051`);
console.log(
  `decode+validate: ${Math.round(decodePerSec).toLocaleString('en')} packets/s (rounds: ${decodes.map((x) => Math.round(x / 1000)).join(', ')} k)`,
);
console.log(
  `bare crc16:      ${Math.round(crcPerSec).toLocaleString('en')} packets/s (rounds: ${crcs.map((x) => Math.round(x / 1000)).join(', ')} k)`,
);
console.log(`ratio decode/crc: ${(decodePerSec / crcPerSec).toFixed(3)}`);

// Framer: 1 GB in 64 KiB reads. The reads are cut at arbitrary places, not at packet ends, and
// one buffer is reused for every read (frames are not kept), as a socket would hand them over.
const CHUNK = 64 * 1024;
const period = new Uint8Array(CHUNK * packet.length); // whole packets, a multiple of CHUNK long
for (let at = 0; at < period.length; at += packet.length) period.set(packet, at);
const TOTAL = 1024 ** 3;
const framer = new Framer();
globalThis.gc?.();
const rss0 = process.memoryUsage().rss;
const heap0 = process.memoryUsage().heapUsed;
let peakRss = rss0;
let peakHeap = heap0;
let frames = 0;
const rssAt: number[] = []; // RSS after each 256 MiB: flat means no growth with stream length
const t0 = cpuMs();
const w0 = performance.now();
for (let done = 0, at = 0; done < TOTAL; done += CHUNK, at = (at + CHUNK) % period.length) {
  for (const ev of framer.push(period.subarray(at, at + CHUNK))) if (ev.type === 'frame') frames++;
  if ((done & (64 * 1024 * 1024 - 1)) === 0) {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    if (done > 0 && (done & (256 * 1024 * 1024 - 1)) === 0) rssAt.push(m.rss);
  }
}
const secs = (cpuMs() - t0) / 1000;
const wallSecs = (performance.now() - w0) / 1000;
const framerMBps = TOTAL / 1e6 / secs;
const mb = (x: number) => Number((x / 1024 / 1024).toFixed(1));
console.log(
  `framer: ${framerMBps.toFixed(0)} MB/s (CPU time; ${(TOTAL / 1e6 / wallSecs).toFixed(0)} MB/s wall) over 1 GiB in 64 KiB reads, ${frames.toLocaleString('en')} frames`,
);
console.log(
  `memory over the 1 GiB stream: peak RSS +${mb(peakRss - rss0)} MiB, peak heap +${mb(peakHeap - heap0)} MiB; ` +
    `RSS after 256/512/768 MiB: ${rssAt.map(mb).join(' / ')} MiB`,
);
if (sink === 0.5) console.log(''); // keep results alive
console.log(
  JSON.stringify({
    decodePerSec: Math.round(decodePerSec),
    crcPerSec: Math.round(crcPerSec),
    ratio: Number((decodePerSec / crcPerSec).toFixed(3)),
    framerMBps: Math.round(framerMBps),
    packetBytes: packet.length,
    framerFrames: frames,
    rssGrowthMB: mb(peakRss - rss0),
    heapGrowthMB: mb(peakHeap - heap0),
  }),
);
