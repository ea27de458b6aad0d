// System codes (ST), data flags and the return codes of 9011/9012 answers.

/** ST: which kind of monitoring a packet belongs to. */
export const SYSTEM_CODES: Readonly<Record<string, string>> = Object.freeze({
  '21': '地表水质量监测 surface water quality',
  '22': '空气质量监测 ambient air quality',
  '23': '声环境质量监测 ambient noise',
  '24': '地下水质量监测 groundwater quality',
  '25': '土壤质量监测 soil quality',
  '26': '海水质量监测 sea water quality',
  '27': '挥发性有机物监测 VOCs',
  '31': '大气环境污染源 air pollution source',
  '32': '地表水体环境污染源 surface-water pollution source',
  '33': '地下水体环境污染源 groundwater pollution source',
  '34': '海洋环境污染源 marine pollution source',
  '35': '土壤环境污染源 soil pollution source',
  '36': '声环境污染源 noise source',
  '37': '振动环境污染源 vibration source',
  '38': '放射性环境污染源 radioactive source',
  '39': '工地扬尘污染源 construction dust',
  '41': '电磁环境污染源 electromagnetic source',
  '51': '烟气排放过程监控 flue-gas emission process',
  '52': '污水排放过程监控 wastewater discharge process',
  '91': '系统交互 system interaction',
});

/** Data flags (`-Flag=`): how a value was obtained. */
export const DataFlag = {
  /** 在线监控（监测）仪器仪表工作正常 — normal. */
  Normal: 'N',
  /** 停运 — the plant/facility is stopped. */
  Stopped: 'F',
  /** 维护 — maintenance. */
  Maintenance: 'M',
  /** 手工输入的设定值 — value set by hand. */
  ManualSet: 'S',
  /** 故障 — instrument fault. */
  Fault: 'D',
  /** 校准 — calibration. */
  Calibration: 'C',
  /** 超测上限 — above the instrument's upper limit. */
  OverRange: 'T',
  /** 通讯异常 — communication fault. */
  CommFault: 'B',
} as const;
export type DataFlag = (typeof DataFlag)[keyof typeof DataFlag];

export const DATA_FLAGS: Readonly<Record<DataFlag, { zh: string; meaning: string }>> = Object.freeze({
  N: { zh: '正常', meaning: 'normal' },
  F: { zh: '停运', meaning: 'plant stopped' },
  M: { zh: '维护', meaning: 'maintenance' },
  S: { zh: '手工输入设定值', meaning: 'manually set value' },
  D: { zh: '故障', meaning: 'fault' },
  C: { zh: '校准', meaning: 'calibration' },
  T: { zh: '超测上限', meaning: 'above the instrument upper limit' },
  B: { zh: '通讯异常', meaning: 'communication fault' },
});

/** 9011 `QnRtn`: the unit's answer to a request. */
export const QN_RTN: Readonly<Record<number, string>> = Object.freeze({
  1: '准备执行请求 ready',
  2: '请求被拒绝 refused',
  3: 'PW 错误 password error',
  4: 'MN 错误 MN error',
  5: 'ST 错误 ST error',
  6: 'Flag 错误 Flag error',
  7: 'QN 错误 QN error',
  8: 'CN 错误 CN error',
  9: 'CRC 校验错误 CRC error',
  100: '未知错误 unknown error',
});

/** 9012 `ExeRtn`: how executing a request went. */
export const EXE_RTN: Readonly<Record<number, string>> = Object.freeze({
  1: '执行成功 success',
  2: '执行失败，但不知道原因 failed',
  3: '命令请求条件错误 condition error',
  4: '通讯超时 timeout',
  5: '系统繁忙不能执行 busy',
  6: '系统故障 fault',
  100: '没有数据 no data',
});
