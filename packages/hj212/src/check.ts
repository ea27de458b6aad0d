import { crc16 } from './crc.js';

/** What the frame of a packet says about itself, whatever else is wrong with it. */
export interface FrameCheck {
  declaredLength: number;
  /** Bytes between the length field and the CRC (trailing CRLF, if any, excluded). */
  actualLength: number;
  lengthOk: boolean;
  /** The CRC as written (-1 when it is not 4 hex digits) and as computed over the actual data. */
  declaredCrc: number;
  actualCrc: number;
  crcOk: boolean;
}

/**
 * Length and CRC verdicts of one packet, computed independently (a wrong length does not hide
 * the CRC verdict). For triage and reports; decode() is the validating path. Null if there is no
 * `##LLLL` header.
 */
export function checkFrame(b: Uint8Array): FrameCheck | null {
  if (b.length < 10 || b[0] !== 0x23 || b[1] !== 0x23) return null;
  const lenText = String.fromCharCode(b[2]!, b[3]!, b[4]!, b[5]!);
  if (!/^\d{4}$/.test(lenText)) return null;
  const declaredLength = Number(lenText);
  const end = b[b.length - 2] === 0x0d && b[b.length - 1] === 0x0a ? b.length - 2 : b.length;
  const actualLength = end - 10;
  const crcText = String.fromCharCode(b[end - 4]!, b[end - 3]!, b[end - 2]!, b[end - 1]!);
  const declaredCrc = /^[0-9A-Fa-f]{4}$/.test(crcText) ? Number.parseInt(crcText, 16) : -1;
  const actualCrc = actualLength >= 0 ? crc16(b, 6, end - 4) : -1;
  const lengthOk = declaredLength === actualLength;
  return { declaredLength, actualLength, lengthOk, declaredCrc, actualCrc, crcOk: declaredCrc === actualCrc };
}
