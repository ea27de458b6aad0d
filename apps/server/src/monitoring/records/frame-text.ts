const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

/** A raw frame as text: UTF-8 (ASCII) as the standard has it, else GBK as some units send. */
export function frameText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return gbk.decode(bytes);
  }
}

/** The frame without its CRLF, for one-line-per-frame listings. */
export const frameLine = (bytes: Uint8Array) => frameText(bytes).replace(/\r?\n$/, '');

const PW_KEY = Buffer.from('PW=');

/**
 * The frame with its access password (`PW=…`) replaced by as many `*`: what users who may not see
 * unit passwords get (the registry shows them only to those who may change it). The length is
 * kept; the CRC then no longer matches, which is why `passwordMasked` says so.
 */
export function maskPassword(bytes: Buffer): { bytes: Buffer; masked: boolean } {
  let at = bytes.indexOf(PW_KEY);
  while (at > 0 && bytes[at - 1] !== 0x3b /* ; */) at = bytes.indexOf(PW_KEY, at + 1);
  if (at < 0) return { bytes, masked: false };
  const start = at + PW_KEY.length;
  let end = start;
  while (end < bytes.length && bytes[end] !== 0x3b && bytes[end] !== 0x26) end++;
  if (end === start) return { bytes, masked: false };
  const copy = Buffer.from(bytes);
  copy.fill(0x2a /* * */, start, end);
  return { bytes: copy, masked: true };
}
