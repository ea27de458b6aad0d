// The shapes shared by the generators, the TCP client and the runner.

/** One simulated data-acquisition unit (数采仪): its identity on the wire and what it measures. */
export interface SimUnit {
  /** 数采仪唯一标识 MN (24 characters in HJ 212-2017; 14 are common in the field). */
  mn: string;
  /** Access password PW. */
  pw: string;
  /** System code: 31 air pollution source, 32 water pollution source. */
  st: '31' | '32';
  /** A profile name (`coal-boiler`, …; see PROFILES) or an alias such as `coal_boiler`. */
  profile: string;
  /** HJ 212-2017 codes to report, in order; defaults to the profile's list. */
  pollutants?: string[];
}

/** The upload commands the simulator produces. */
export type UploadCn = '2011' | '2051' | '2061' | '2031';

export const CN_REALTIME = '2011';
export const CN_MINUTE = '2051';
export const CN_HOUR = '2061';
export const CN_DAY = '2031';

/** Fields of one pollutant in an upload (`Avg`, `Min`, `Max`, `ZsAvg`, `Cou`, `Flag`, or `Rtd`…). */
export type PollutantFields = Record<string, number | string>;

/** One upload's content before it becomes a packet: what a unit stores and (re-)sends. */
export interface DataRecord {
  cn: UploadCn;
  /** The period start (2051/2061/2031) or the sampling instant (2011). */
  dataTime: Date;
  pollutants: Record<string, PollutantFields>;
}
