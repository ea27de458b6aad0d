import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../src/encode.js';
import { Framer, type FramerEvent } from '../src/frame.js';
import { packetInput } from './arbitraries.js';
import { minuteSegment, refPacket, STANDARD_EXAMPLE } from './reference.js';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (string | Uint8Array)[]) => {
  const bytes = parts.map((p) => (typeof p === 'string' ? enc(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
};

/** Events in a comparable form: frames as text, skips as `skip:<reason>@offset+length`. */
function run(stream: Uint8Array, cuts: number[] = [], maxLength?: number): string[] {
  const f = new Framer({ maxLength });
  const out: FramerEvent[] = [];
  let at = 0;
  for (const cut of [...cuts, stream.length]) {
    out.push(...f.push(stream.subarray(at, cut)));
    at = cut;
  }
  out.push(...f.end());
  return out.map((e) =>
    e.type === 'frame'
      ? `${e.offset}:${new TextDecoder('latin1').decode(e.bytes)}`
      : `skip:${e.reason}@${e.offset}+${e.length}`,
  );
}

const P = STANDARD_EXAMPLE;
const M = new TextDecoder().decode(refPacket(minuteSegment(3)));

describe('Framer', () => {
  it.each([
    { name: 'one packet', stream: P, events: [`0:${P}`] },
    { name: 'two packets in one read', stream: P + M, events: [`0:${P}`, `${P.length}:${M}`] },
    {
      name: 'garbage between',
      stream: `ab${P}xyz\r\n${P}`,
      events: ['skip:GARBAGE@0+2', `2:${P}`, 'skip:GARBAGE@115+5', `120:${P}`],
    },
    {
      name: 'missing CRLF before the next ##',
      stream: P.slice(0, -2) + P,
      events: [`0:${P.slice(0, -2)}`, `111:${P}`],
    },
    { name: 'missing CRLF at the end', stream: P.slice(0, -2), events: [`0:${P.slice(0, -2)}`] },
    {
      name: 'length too big, CRLF ends it',
      stream: P.replace('0101', '0500') + P,
      events: [`0:${P.replace('0101', '0500')}`, `113:${P}`],
    },
    {
      name: 'length too small, CRLF ends it',
      stream: P.replace('0101', '0050') + P,
      events: [`0:${P.replace('0101', '0050')}`, `113:${P}`],
    },
    {
      name: 'truncated packet then a packet',
      stream: P.slice(0, 60) + P,
      events: ['skip:LENGTH_MISMATCH@0+60', `60:${P}`],
    },
    { name: '## without a length', stream: `##ab${P}`, events: ['skip:BAD_LENGTH@0+4', `4:${P}`] },
    { name: 'several bad ## in a row', stream: `##ab##${P}`, events: ['skip:BAD_LENGTH@0+6', `6:${P}`] },
    {
      name: 'length over the maximum',
      stream: `##2000xx${P}`,
      events: ['skip:TOO_LONG@0+8', `8:${P}`],
      max: 1024,
    },
    { name: 'ends mid-frame', stream: P + P.slice(0, 40), events: [`0:${P}`, 'skip:INCOMPLETE@113+40'] },
    { name: '### before a packet', stream: `#${P}`, events: ['skip:BAD_LENGTH@0+1', `1:${P}`] },
    { name: 'lone # before a packet', stream: `#x${P}`, events: ['skip:GARBAGE@0+2', `2:${P}`] },
  ])('$name', ({ stream, events, max }) => {
    expect(run(enc(stream), [], max)).toEqual(events);
    // and byte by byte
    expect(run(enc(stream), [...Array(stream.length).keys()].slice(1), max)).toEqual(events);
  });

  it('recovers from a lying length without waiting for maxLength bytes', () => {
    const f = new Framer();
    const events = f.push(enc(P.replace('0101', '9000')));
    expect(events).toHaveLength(1);
  });

  it('keeps memory bounded: never more than maxLength + 12 bytes held', () => {
    const f = new Framer({ maxLength: 1024 });
    const junk = enc(`##1024${'x'.repeat(5000)}`);
    for (let k = 0; k < 50; k++) {
      f.push(junk.subarray(0, 700));
      f.push(junk.subarray(700));
      expect(f.buffered).toBeLessThanOrEqual(1024 + 12);
    }
  });
});

// Streams of valid packets, mutated packets and garbage.
const piece = fc.oneof(
  { weight: 4, arbitrary: packetInput.map((p) => encode(p, { maxLength: 9999 })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(enc('##'), enc('#'), enc('\r\n'), enc('##0010'), enc('##abc')) },
  {
    weight: 1,
    arbitrary: fc.tuple(packetInput, fc.nat(), fc.nat()).map(([p, a, b]) => {
      const bytes = encode(p, { maxLength: 9999 });
      const s = Math.min(a, b) % bytes.length;
      return bytes.subarray(s, s + (Math.max(a, b) % (bytes.length - s)) + 1); // a piece of a packet
    }),
  },
);
const stream = fc.array(piece, { maxLength: 8 }).map((parts) => cat(...parts));
const cutsOf = (s: Uint8Array) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, s.length - 1) }), { maxLength: 30 })
    .map((c) => c.filter((x) => x < s.length).sort((a, b) => a - b));

describe('Framer properties', () => {
  it('yields the same events however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        stream.chain((s) => fc.tuple(fc.constant(s), cutsOf(s))),
        fc.constantFrom(undefined, 1024),
        ([s, cuts], max) => {
          expect(run(s, cuts, max)).toEqual(run(s, [], max));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('accounts for every byte: frames and skips tile the stream in order', () => {
    fc.assert(
      fc.property(stream, (s) => {
        const f = new Framer();
        let at = 0;
        for (const e of [...f.push(s), ...f.end()]) {
          expect(e.offset).toBe(at);
          at += e.type === 'frame' ? e.bytes.length : e.length;
        }
        expect(at).toBe(s.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('yields exactly the packets of a stream of packets and non-# garbage, cut anywhere', () => {
    const garbage = fc.uint8Array({ maxLength: 20 }).map((g) => g.filter((b) => b !== 0x23));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            garbage,
            packetInput.map((p) => encode(p, { maxLength: 9999 })),
          ),
          { maxLength: 6 },
        ),
        fc.array(fc.nat(), { maxLength: 20 }),
        (items, rawCuts) => {
          const s = cat(...items.flat());
          const cuts = [...new Set(rawCuts.map((c) => c % (s.length + 1)))]
            .filter((c) => c > 0)
            .sort((a, b) => a - b);
          const frames = run(s, cuts)
            .filter((e) => !e.startsWith('skip:'))
            .map((e) => e.slice(e.indexOf(':') + 1));
          expect(frames).toEqual(items.map(([, p]) => new TextDecoder('latin1').decode(p)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
