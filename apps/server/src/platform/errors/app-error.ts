/** Stable error codes, each mapped to one HTTP status in one place. */
export const ERROR_STATUS = {
  VALIDATION: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** JSON pointer into the request body (`/creditCode`), or `/query/<name>`. */
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const outOfScope = () => new AppError('OUT_OF_SCOPE', '该记录不在您的管辖范围内');
export const invalid = (errors: FieldError[], message = '提交的数据有误') =>
  new AppError('VALIDATION', message, errors);
export const conflict = (path: string, message: string) =>
  new AppError('CONFLICT', message, [{ path, message, code: 'DUPLICATE' }]);
export const staleVersion = () =>
  new AppError('STALE_VERSION', '记录已被他人修改，请刷新后重试', [
    { path: '/version', message: '版本已过期', code: 'STALE' },
  ]);
