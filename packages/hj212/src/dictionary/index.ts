export { DATA_FLAGS, DataFlag, EXE_RTN, QN_RTN, SYSTEM_CODES } from './codes.js';
export { Cn, COMMANDS, type CommandInfo } from './commands.js';
export { codeFrom2005, codeTo2005, POLLUTANTS, type PollutantInfo } from './pollutants.js';
