import { describe, expect, it } from 'vitest';
import { crc16, crcHex } from '../src/crc.js';
import { refCrc, STANDARD_EXAMPLE } from './reference.js';

describe('crc16', () => {
  it('gives 1C80 for the data segment of the standard worked example', () => {
    const data = new TextEncoder().encode(STANDARD_EXAMPLE.slice(6, 6 + 101));
    expect(crcHex(crc16(data))).toBe('1C80');
  });

  it('matches the bit-by-bit definition on every single byte and on random data', () => {
    for (let b = 0; b < 256; b++) expect(crc16(Uint8Array.of(b))).toBe(refCrc(Uint8Array.of(b)));
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: n * 3 }, () => (seed = (seed * 1103515245 + 12345) & 0xff));
      expect(crc16(bytes)).toBe(refCrc(bytes));
    }
  });

  it('honours start and end', () => {
    const bytes = new TextEncoder().encode('xxABCDyy');
    expect(crc16(bytes, 2, 6)).toBe(refCrc(new TextEncoder().encode('ABCD')));
  });

  it('is not CRC-16/MODBUS (whose check value for "123456789" is 4B37)', () => {
    expect(crcHex(crc16(new TextEncoder().encode('123456789')))).not.toBe('4B37');
    expect(crcHex(0x1c)).toBe('001C');
  });
});
