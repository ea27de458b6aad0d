import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors/app-error';
import { fieldErrorsFromValidation } from '../../platform/errors/problem';

/** A query the reader got wrong: 400 problem+json naming the parameters (`/query/<name>`). */
export const badQuery = (errors: FieldError[], message = '查询参数有误') =>
  new AppError('BAD_REQUEST', message, errors);

/**
 * Route options for the monitoring reads: a query that fails its schema (a pollutant code of the
 * wrong form, an unknown period) is a bad request (400) naming the field, like the range checks.
 */
export const strictQuery = {
  attachValidation: true,
  preHandler: async (request: FastifyRequest) => {
    const error = request.validationError as
      | (Error & { validation?: Parameters<typeof fieldErrorsFromValidation>[0]; validationContext?: string })
      | undefined;
    if (!error) return;
    throw badQuery(fieldErrorsFromValidation(error.validation ?? [], error.validationContext));
  },
} as const;
