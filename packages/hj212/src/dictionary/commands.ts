// Command codes (CN) of HJ 212-2017 table 6 and who sends them.

export interface CommandInfo {
  cn: string;
  /** Chinese name as in the standard. */
  name: string;
  /** English gloss. */
  meaning: string;
  /** `request` platform → unit, `upload` unit → platform, `answer` either way in reply. */
  kind: 'request' | 'upload' | 'answer' | 'notification';
}

const TABLE: [string, string, string, CommandInfo['kind']][] = [
  ['1000', '设置超时时间及重发次数', 'set answer timeout and retries', 'request'],
  ['1011', '提取现场机时间', 'get unit time', 'request'],
  ['1012', '设置现场机时间', 'set unit time', 'request'],
  ['1013', '现场机时间校准请求', 'unit asks for time calibration', 'notification'],
  ['1061', '提取实时数据间隔', 'get real-time data interval', 'request'],
  ['1062', '设置实时数据间隔', 'set real-time data interval', 'request'],
  ['1063', '提取分钟数据间隔', 'get minute data interval', 'request'],
  ['1064', '设置分钟数据间隔', 'set minute data interval', 'request'],
  ['1072', '设置现场机访问密码', 'set access password', 'request'],
  ['2011', '取污染物实时数据', 'real-time data', 'upload'],
  ['2012', '停止察看污染物实时数据', 'stop real-time data', 'request'],
  ['2021', '取设备运行状态数据', 'facility running status', 'upload'],
  ['2022', '停止察看设备运行状态', 'stop running status', 'request'],
  ['2031', '取污染物日历史数据', 'daily data', 'upload'],
  ['2041', '取设备运行时间日历史数据', 'facility daily running time', 'upload'],
  ['2051', '取污染物分钟数据', 'minute data', 'upload'],
  ['2061', '取污染物小时数据', 'hourly data', 'upload'],
  ['2081', '上传数采仪开机时间', 'unit restart time', 'upload'],
  ['3011', '零点校准量程校准', 'zero/span calibration', 'request'],
  ['3012', '即时采样', 'immediate sampling', 'request'],
  ['3013', '启动清洗/反吹', 'cleaning / back-flush', 'request'],
  ['3014', '比对采样', 'comparison sampling', 'request'],
  ['3015', '超标留样', 'sample retention on exceedance', 'upload'],
  ['3016', '设置采样时间周期', 'set sampling period', 'request'],
  ['3017', '提取采样时间周期', 'get sampling period', 'request'],
  ['3018', '提取出样时间', 'get sampling duration', 'request'],
  ['3019', '提取设备唯一标识', 'get device serial number', 'request'],
  ['3020', '提取现场机信息', 'get/upload unit information', 'request'],
  ['3021', '设置现场机参数', 'set unit parameters', 'request'],
  ['9011', '请求应答', 'request answer (QnRtn)', 'answer'],
  ['9012', '执行结果', 'execution result (ExeRtn)', 'answer'],
  ['9013', '通知应答', 'notification answer', 'answer'],
  ['9014', '数据应答', 'data answer', 'answer'],
];

export const COMMANDS: Readonly<Record<string, CommandInfo>> = Object.freeze(
  Object.fromEntries(TABLE.map(([cn, name, meaning, kind]) => [cn, { cn, name, meaning, kind }])),
);

/** The well-known command codes by name, for readable call sites (`Cn.MinuteData`). */
export const Cn = {
  SetTimeoutRetries: '1000',
  GetTime: '1011',
  SetTime: '1012',
  TimeCalibrationRequest: '1013',
  GetRtdInterval: '1061',
  SetRtdInterval: '1062',
  GetMinInterval: '1063',
  SetMinInterval: '1064',
  SetPassword: '1072',
  RealtimeData: '2011',
  StopRealtimeData: '2012',
  RunningStatus: '2021',
  StopRunningStatus: '2022',
  DailyData: '2031',
  DailyRunningTime: '2041',
  MinuteData: '2051',
  HourlyData: '2061',
  RestartTime: '2081',
  RequestAnswer: '9011',
  ExecutionResult: '9012',
  NotificationAnswer: '9013',
  DataAnswer: '9014',
} as const;
