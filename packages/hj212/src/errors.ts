// Errors are values: the decoder never throws on bad bytes. Each failure carries a stable code
// (safe to store, alert on and count per device) and the byte offset where decoding went wrong.

export const ErrorCode = {
  /** The packet does not start with `##`. */
  BAD_HEADER: 'BAD_HEADER',
  /** The four characters after `##` are not decimal digits. */
  BAD_LENGTH: 'BAD_LENGTH',
  /** The declared length is over the maximum (1024 in the standard). */
  TOO_LONG: 'TOO_LONG',
  /** The declared length does not match the bytes between the length and the CRC. */
  LENGTH_MISMATCH: 'LENGTH_MISMATCH',
  /** The packet does not end with CRLF (strict only; tolerated as MISSING_CRLF otherwise). */
  BAD_TRAILER: 'BAD_TRAILER',
  /** The CRC is not four hex digits or does not match the data segment. */
  CRC_MISMATCH: 'CRC_MISMATCH',
  /** The data segment is not `QN=…;ST=…;…;CP=&&…&&` (a missing field, a missing `&&`). */
  BAD_SEGMENT: 'BAD_SEGMENT',
  /** A field has a value of the wrong form (ST not two digits, a number that is not one, …). */
  BAD_FIELD: 'BAD_FIELD',
  /** The text is neither ASCII nor valid UTF-8 (strict) or cannot be read at all. */
  BAD_TEXT: 'BAD_TEXT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DecodeError {
  ok: false;
  code: ErrorCode;
  /** Byte offset in the packet where the problem was found. */
  offset: number;
  message: string;
}

export function fail(code: ErrorCode, offset: number, message: string): DecodeError {
  return { ok: false, code, offset, message };
}

/** Thrown only by the encoder, for inputs a caller controls (never by the decoder). */
export class EncodeError extends Error {
  override name = 'EncodeError';
}
