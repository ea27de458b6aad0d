import { dataUpload } from '../src/builders.js';
import { encode } from '../src/encode.js';

const CODES = [
  'a21026',
  'a21002',
  'a34013',
  'a19001',
  'a01011',
  'a01012',
  'a01013',
  'a01014',
  'a00000',
  'a21005',
];

/** A minute upload (CN 2051) as a flue-gas CEMS sends it: Min/Avg/Max/ZsAvg and a flag per pollutant. */
export function minutePacket(n = 10): Uint8Array {
  const pollutants: Record<string, Record<string, number | string>> = {};
  // Values as a device writes them (fixed decimals), not float sums like 15.534000000000001.
  const dec = (x: number, d: number) => Number(x.toFixed(d));
  CODES.slice(0, n).forEach((code, k) => {
    pollutants[code] = {
      Min: dec(10.12 + k, 2),
      Avg: dec(12.534 + k, 3),
      Max: dec(14.25 + k, 2),
      ZsAvg: dec(14.1 + k, 1),
      Flag: 'N',
    };
  });
  const station = { st: '31', pw: '123456', mn: '010000A8900016F000169DC0' };
  return encode(
    dataUpload(station, '2051', new Date('2025-08-21T04:50:00Z'), pollutants, { qn: '20250821125000123' }),
  );
}
