// @dabiao/hj212 — HJ 212-2017 / HJ/T 212-2005 codec. Zero dependencies; Uint8Array in, typed values out.
export * from './builders.js';
export { checkFrame, type FrameCheck } from './check.js';
export { crc16, crcHex } from './crc.js';
export { type DecodeResult, type DecodeSuccess, decode, MAX_LENGTH, MAX_LENGTH_TOLERANT } from './decode.js';
export * from './dictionary/index.js';
export {
  type CpInput,
  type EncodeOptions,
  encode,
  encodeCp,
  encodeSegment,
  encodeToString,
  type FieldValue,
  formatNumber,
  type PacketInput,
} from './encode.js';
export { type DecodeError, EncodeError, ErrorCode } from './errors.js';
export { Framer, type FramerEvent, type FramerOptions, type SkipReason } from './frame.js';
export { type ErrorJson, type PacketJson, packetFromJson, packetToJson, resultToJson } from './json.js';
export { type ExpiredGroup, SubpacketAssembler, type SubpacketOptions } from './subpackets.js';
export { formatLocalTime, isoShanghai, qnFor } from './text.js';
export type * from './types.js';
