import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFrame } from '../src/check.js';
import { decode } from '../src/decode.js';

// Real packets collected from public sources, each with the verdict recorded in index.tsv.
// A verbatim copy of the project's shared collection (../shared/hj212/packets) kept in the
// repository so a fresh clone tests the same files; add new packets to both.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'packets');

interface Row {
  file: string;
  line: number;
  cn: string;
  st: string;
  lengthOk: boolean;
  crcOk: boolean;
  notes: string;
}

function rows(): Row[] {
  const [header, ...lines] = readFileSync(path.join(dir, 'index.tsv'), 'utf8').split('\n');
  const cols = header!.split('\t');
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const f = Object.fromEntries(l.split('\t').map((v, k) => [cols[k], v]));
      const bool = (v: string | undefined) => v === 'true';
      return {
        file: f.file!,
        line: Number(f.line),
        cn: f.cn!,
        st: f.st!,
        lengthOk: bool(f.length_ok),
        crcOk: bool(f.crc_ok),
        notes: f.notes ?? '',
      };
    });
}

/**
 * The packet on a line of a collected file. Files write the trailer as the escape text `\r\n`
 * (so the files stay line-oriented); a real CR before the LF is the packet's own.
 */
function packetAt(file: string, line: number): Uint8Array {
  const raw = readFileSync(path.join(dir, file));
  const lines: Uint8Array[] = [];
  for (let s = 0, lf = raw.indexOf(0x0a); s <= raw.length; lf = raw.indexOf(0x0a, s)) {
    const e = lf < 0 ? raw.length : lf;
    lines.push(raw.subarray(s, e));
    s = e + 1;
    if (lf < 0) break;
  }
  const bytes = lines[line - 1];
  if (bytes === undefined) throw new Error(`${file} has no line ${line}`);
  const text = Buffer.from(bytes)
    .toString('latin1')
    .replace(/\\r\\n$/, '\r\n')
    .replace(/\r$/, '\r\n');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('real packets from ../shared/hj212/packets', () => {
  const all = rows();
  it('has an index', () => expect(all.length).toBeGreaterThan(0));

  it.each(all)('$file:$line CN $cn ST $st length_ok=$lengthOk crc_ok=$crcOk ($notes)', (row) => {
    const bytes = packetAt(row.file, row.line);
    const check = checkFrame(bytes);
    expect(check?.lengthOk ?? false).toBe(row.lengthOk);
    expect(check?.crcOk ?? false).toBe(row.crcOk);
    const r = decode(bytes);
    if (row.lengthOk && row.crcOk) {
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) expect([r.packet.cn, r.packet.st]).toEqual([row.cn, row.st]);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe(row.lengthOk ? 'CRC_MISMATCH' : 'LENGTH_MISMATCH');
      const text = Buffer.from(bytes).toString('latin1');
      expect([/CN=(\d+)/.exec(text)?.[1], /ST=(\d+)/.exec(text)?.[1]]).toEqual([row.cn, row.st]);
    }
  });
});
