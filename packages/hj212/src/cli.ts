import { decode } from './decode.js';
import { encode } from './encode.js';
import { packetFromJson, resultToJson } from './json.js';

// `hj212 decode [--strict]`: packets on stdin, one per line, to one JSON line each.
// `hj212 encode`: JSON lines (the decode form) to packets, one per line.
// A line ends at LF; a CR before it belongs to the packet (its CRLF), so it is kept.

const USAGE = `usage: hj212 decode [--strict] [--max-length N]   packets (one a line) → JSON lines
       hj212 encode [--max-length N]              JSON lines → packets`;

export interface Io {
  input: AsyncIterable<Uint8Array>;
  write: (text: string | Uint8Array) => void;
  error: (text: string) => void;
}

/** Bytes of each stdin line, without the LF. Lines are capped so a stream without LF stays bounded. */
async function* lines(input: AsyncIterable<Uint8Array>, cap = 1 << 20): AsyncGenerator<Uint8Array> {
  let held: Uint8Array = new Uint8Array(0);
  for await (const chunk of input) {
    let buf = held.length === 0 ? chunk : concat(held, chunk);
    let lf = buf.indexOf(0x0a);
    while (lf >= 0) {
      yield buf.subarray(0, lf);
      buf = buf.subarray(lf + 1);
      lf = buf.indexOf(0x0a);
    }
    if (buf.length > cap) {
      yield buf; // an over-long line is decoded as it is (and fails as TOO_LONG or worse)
      buf = new Uint8Array(0);
    }
    held = buf;
  }
  if (held.length > 0) yield held;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const LF = new Uint8Array([0x0a]);

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  const strict = rest.includes('--strict');
  const ml = rest.indexOf('--max-length');
  const maxLength = ml >= 0 ? Number(rest[ml + 1]) : undefined;
  if ((cmd !== 'decode' && cmd !== 'encode') || (maxLength !== undefined && !(maxLength > 0))) {
    io.error(`${USAGE}\n`);
    return 2;
  }
  let failures = 0;
  for await (const line of lines(io.input)) {
    if (cmd === 'decode') {
      // A trailing CR is the packet's own CR of CRLF: give the decoder the whole CRLF back.
      const packet = line.length > 0 && line[line.length - 1] === 0x0d ? concat(line, LF) : line;
      io.write(`${JSON.stringify(resultToJson(decode(packet, { strict, maxLength })))}\n`);
      continue;
    }
    try {
      const text = new TextDecoder().decode(line).trim();
      io.write(encode(packetFromJson(JSON.parse(text)), { maxLength }));
    } catch (e) {
      failures++;
      const message = e instanceof Error ? e.message : String(e);
      io.write(`${JSON.stringify({ ok: false, error: 'BAD_INPUT', message })}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/** Run against the real process streams. */
export async function run(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    input: process.stdin,
    write: (t) => process.stdout.write(t),
    error: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
