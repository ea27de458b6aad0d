import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './app-error';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Ajv issues → field errors with JSON-pointer paths, missing properties pointing at the field itself. */
export function fieldErrorsFromValidation(issues: AjvIssue[], context: string | undefined): FieldError[] {
  const prefix = context === 'querystring' ? '/query' : context === 'params' ? '/params' : '';
  return issues.map((issue) => {
    let path = issue.instancePath;
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      path = `${path}/${issue.params.missingProperty}`;
    }
    if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
      path = `${path}/${issue.params.additionalProperty}`;
    }
    return { path: `${prefix}${path}` || '/', message: zhMessage(issue), code: issue.keyword.toUpperCase() };
  });
}

function zhMessage(issue: AjvIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return '必填';
    case 'minLength':
      return `至少 ${p.limit} 个字符`;
    case 'maxLength':
      return `最多 ${p.limit} 个字符`;
    case 'minimum':
      return `不能小于 ${p.limit}`;
    case 'maximum':
      return `不能大于 ${p.limit}`;
    case 'enum':
      return `取值须为：${(p.allowedValues as unknown[]).join('、')}`;
    case 'format':
      return `格式不正确（${p.format}）`;
    case 'pattern':
      return '格式不正确';
    case 'type':
      return `类型须为 ${p.type}`;
    case 'additionalProperties':
      return '不允许的字段';
    default:
      return issue.message ?? '不合法';
  }
}

/** Unique constraints → the field a user must change (a race the service's own check missed). */
const UNIQUE_PATHS: Record<string, string> = {
  enterprise_credit_code_key: '/creditCode',
  monitor_mn_key: '/mn',
  outlet_enterprise_id_code_key: '/code',
  permit_number_key: '/number',
  app_user_username_key: '/username',
  grid_code_key: '/code',
};

function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code !== '23505') return undefined;
  return e.constraint ?? /"([^"]+)"/.exec(e.message ?? '')?.[1] ?? 'unknown';
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .type('application/problem+json')
    .send({
      type: 'https://dabiao.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      code: 'NOT_FOUND',
      detail: `没有该接口：${request.method} ${request.url}`,
      instance: request.url,
    });
}

/** The one error handler: everything leaves as RFC 9457 application/problem+json. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let status = 500;
    let code = 'INTERNAL';
    let detail = '服务器内部错误';
    let errors: FieldError[] = [];
    if (error instanceof AppError) {
      ({ status, code } = error);
      detail = error.message;
      errors = error.errors;
    } else if (uniqueViolation(error)) {
      const path = UNIQUE_PATHS[uniqueViolation(error)!] ?? '/';
      status = 409;
      code = 'CONFLICT';
      detail = '与已有记录重复';
      errors = [{ path, message: '已存在相同的值', code: 'DUPLICATE' }];
    } else if ((error as FastifyError).validation) {
      const fe = error as FastifyError;
      // A wrong query or path parameter is a malformed request (400); a submitted body that fails
      // its schema is an invalid entity (422). Both name the fields.
      const inRequest = fe.validationContext === 'querystring' || fe.validationContext === 'params';
      status = inRequest ? 400 : 422;
      code = inRequest ? 'BAD_REQUEST' : 'VALIDATION';
      detail = inRequest ? '查询参数有误' : '提交的数据有误';
      errors = fieldErrorsFromValidation(fe.validation as AjvIssue[], fe.validationContext);
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      status = (error as FastifyError).statusCode!;
      code = status === 429 ? 'RATE_LIMITED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
      detail = error.message;
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://dabiao.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
        title: TITLES[status] ?? 'Error',
        status,
        code,
        detail,
        instance: request.url,
        ...(errors.length ? { errors } : {}),
      });
  });
}
