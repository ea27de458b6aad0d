// Which pollutant a chart opens with.

/** Operating parameters and flows: measured, but not what a chart of emissions opens with. */
const PARAMETERS = new Set(['a19001', 'a01011', 'a01012', 'a01013', 'a01014', 'a00000', 'w00000', 'w01001']);

export const isParameter = (code: string): boolean => PARAMETERS.has(code);

/**
 * The pollutant a chart shows first: the one asked for when the outlet has it (or when the outlet's
 * list is unknown), else the first emission pollutant of the outlet, else its first code.
 */
export function defaultPollutant(codes: readonly string[], asked?: string | null): string | undefined {
  if (asked && /^[a-z]\d{5}$/i.test(asked) && (codes.length === 0 || codes.includes(asked))) return asked;
  return codes.find((c) => !isParameter(c)) ?? codes[0];
}
