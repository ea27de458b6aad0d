/** A field of a decoded pollutant entry as a finite number, or null (text, NaN, absent). */
export const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A text field (Flag, EFlag), or undefined. */
export const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
