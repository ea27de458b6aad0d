// The decoded shape of a packet. Field names follow the standard's own keys (`Rtd`, `ZsAvg`,
// `RtdInterval`) so a reader of the standard finds them without a glossary.

/** `Flag=`: bits 2-7 protocol version (1 = 2017, 0 = 2005), bit 1 sub-packet, bit 0 answer required. */
export interface PacketFlag {
  raw: number;
  version: number;
  subpacket: boolean;
  answerRequired: boolean;
}

/** The fields of one pollutant (or facility, `SB1-RS`, or information item, `i12001-Info`). */
export interface PollutantValues {
  Rtd?: number;
  Min?: number;
  Avg?: number;
  Max?: number;
  ZsRtd?: number;
  ZsMin?: number;
  ZsAvg?: number;
  ZsMax?: number;
  Cou?: number;
  /** Data flag: N normal, F stopped, M maintenance, S set manually, D fault, C calibration, T over range, B comms. */
  Flag?: string;
  /** Device-specific flag. */
  EFlag?: string;
  /** `YYYYMMDDhhmmss`, local time. */
  SampleTime?: string;
  /** Information item value (3020-series); kept as text since it may be a time or a code. */
  Info?: string;
  [field: string]: number | string | undefined;
}

export interface CpBody {
  /** `DataTime` as an instant (the text is Asia/Shanghai local time, UTC+8, no DST). */
  dataTime?: Date;
  /** `DataTime` as written, `YYYYMMDDhhmmss`. */
  dataTimeText?: string;
  pollutants: Record<string, PollutantValues>;
  /** Every other `key=value` (`RtdInterval`, `QnRtn`, `SystemTime`, `BeginTime`, `PolId`, …). */
  params: Record<string, string | number>;
}

export interface Packet {
  /** Request id `YYYYMMDDhhmmsszzz`; absent only in tolerated 2005-style uploads. */
  qn?: string;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  flag: PacketFlag;
  /** Total sub-packets and this one's index (1-based), when `flag.subpacket`. */
  pnum?: number;
  pno?: number;
  cp: CpBody;
}

/**
 * A harmless deviation the tolerant decoder accepted. Platforms report these per device so
 * non-compliant units get fixed; `strict: true` turns each into an error instead.
 */
export type ToleranceName =
  | 'LOWERCASE_CRC'
  | 'MISSING_CRLF'
  | 'LENGTH_OVER_1024'
  | 'GBK_TEXT'
  | 'CODE_2005'
  | 'PROTOCOL_VERSION'
  | 'MISSING_QN'
  | 'QN_FORMAT'
  | 'MISSING_FLAG'
  | 'SUBPACKET_FLAG'
  | 'FIELD_ORDER'
  | 'UNKNOWN_FIELD'
  | 'EMPTY_ITEM'
  | 'EMPTY_VALUE';

export interface Tolerance {
  name: ToleranceName;
  offset: number;
  detail?: string;
}

export interface DecodeOptions {
  /** Exactly the standard: every tolerance becomes an error. Default false. */
  strict?: boolean;
  /** Largest data segment accepted, in bytes. Default 1024 strict, 9999 tolerant. */
  maxLength?: number;
}
