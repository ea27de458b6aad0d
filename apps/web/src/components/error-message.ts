import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** A sentence for a failed call: the server's detail when it sent one, else a message by code. */
export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'NETWORK':
      return t('errors.network');
    case 'CONFLICT':
      return err.detail ?? t('errors.conflict');
    case 'FORBIDDEN':
      return err.detail ?? t('errors.forbiddenText');
    case 'OUT_OF_SCOPE':
      return err.detail ?? t('errors.outOfScope');
    case 'UNAUTHENTICATED':
      return t('errors.sessionExpired');
    case 'RATE_LIMITED':
      return err.detail ?? t('errors.rateLimited');
    default:
      return err.detail ?? err.message;
  }
}

export const isForbidden = (err: unknown) =>
  err instanceof ApiError && (err.status === 403 || err.code === 'OUT_OF_SCOPE');
export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;
