// HJ 212 CRC16. Per byte: reg = (reg >> 8) ^ b, then eight reflected shifts with 0xA001.
// The byte enters the LOW end after dropping the low byte of the register, so this is NOT
// CRC-16/MODBUS even though the polynomial is the same; only the high byte of the register
// carries over. That makes the table form one lookup per byte: reg = T[(reg >> 8) ^ b].

/** The 256-entry table; exported for the decoder's fused CRC-and-scan loop. */
export const CRC_TABLE = /* @__PURE__ */ buildTable();

function buildTable(): Uint16Array {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let reg = i;
    for (let k = 0; k < 8; k++) reg = reg & 1 ? (reg >>> 1) ^ 0xa001 : reg >>> 1;
    t[i] = reg;
  }
  return t;
}

/** CRC of `bytes[start, end)` as the standard defines it (initial value 0xFFFF). */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = CRC_TABLE;
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = t[(reg >>> 8) ^ bytes[i]!]!;
  return reg;
}

/** The CRC as the four uppercase hex digits written in a packet. */
export function crcHex(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
