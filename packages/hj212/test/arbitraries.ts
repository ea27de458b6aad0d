import fc from 'fast-check';
import { NUMERIC_FIELDS, NUMERIC_PARAMS } from '../src/cp-fields.js';
import { COMMANDS } from '../src/dictionary/commands.js';
import { POLLUTANTS } from '../src/dictionary/pollutants.js';
import type { PacketInput } from '../src/encode.js';

// Generators of packets as a platform or a unit would send them, for round-trip properties.

const safeText = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefxyz0123456789.:_/-'),
    minLength: min,
    maxLength: max,
  });

/** Decimal values as devices write them: up to 4 decimals, so String(n) round-trips. */
export const reading = fc
  .tuple(fc.integer({ min: -99_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, k]) => n / 10 ** k)
  .filter((n) => !Object.is(n, -0));

const time14 = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

const code = fc.oneof(
  fc.constantFrom(...Object.keys(POLLUTANTS)),
  fc.stringMatching(/^[aw]\d{5}$/),
  fc.stringMatching(/^SB\d{1,2}$/),
  fc.stringMatching(/^i1\d{4}$/),
);

const numericField = fc.constantFrom(...NUMERIC_FIELDS);
const textField = fc.oneof(
  fc.constantFrom('Flag', 'EFlag', 'SampleTime', 'Info'),
  fc.stringMatching(/^[A-Z][a-z]{2,6}$/).filter((n) => !NUMERIC_FIELDS.has(n)),
);

const fields = fc
  .tuple(
    fc.dictionary(numericField, reading, { minKeys: 0, maxKeys: 5 }),
    fc.dictionary(textField, safeText(0, 12), { minKeys: 0, maxKeys: 2 }),
  )
  .map(([n, t]) => ({ ...n, ...t }))
  .filter((f) => Object.keys(f).length > 0);

const params = fc.tuple(
  fc.dictionary(fc.constantFrom(...NUMERIC_PARAMS), fc.integer({ min: 0, max: 99_999 }), { maxKeys: 2 }),
  fc.dictionary(
    fc.oneof(
      fc.constantFrom('PolId', 'SystemTime', 'BeginTime', 'EndTime', 'NewPW', 'InfoId'),
      fc.stringMatching(/^[A-Z][A-Za-z]{2,9}$/).filter((k) => !NUMERIC_PARAMS.has(k) && k !== 'DataTime'),
    ),
    safeText(0, 16),
    { maxKeys: 2 },
  ),
);

/** Any packet of any command in the dictionary. */
export const packetInput: fc.Arbitrary<PacketInput> = fc
  .record({
    qn: fc.stringMatching(/^\d{17}$/),
    st: fc.constantFrom('21', '22', '31', '32', '39', '91'),
    cn: fc.constantFrom(...Object.keys(COMMANDS)),
    pw: fc.stringMatching(/^[A-Za-z0-9]{0,6}$/),
    mn: fc.stringMatching(/^[A-Za-z0-9]{1,24}$/),
    answerRequired: fc.boolean(),
    sub: fc.option(
      fc.integer({ min: 1, max: 20 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
    ),
    dataTime: fc.option(time14),
    params,
    pollutants: fc.dictionary(code, fields, { maxKeys: 6 }),
  })
  .map((r) => {
    const p: PacketInput = {
      qn: r.qn,
      st: r.st,
      cn: r.cn,
      pw: r.pw,
      mn: r.mn,
      flag: { answerRequired: r.answerRequired },
    };
    if (r.sub) [p.pnum, p.pno] = r.sub;
    p.cp = { params: { ...r.params[0], ...r.params[1] }, pollutants: r.pollutants };
    if (r.dataTime) p.cp.dataTime = r.dataTime;
    return p;
  });
