import type { FieldProblem } from './types';

export type FieldPath = (string | number)[];

export interface FieldErrorEntry {
  name: FieldPath;
  errors: string[];
}

export interface MappedProblems {
  /** Errors to show at a form field (feed to form.setFields). */
  fields: FieldErrorEntry[];
  /** Errors whose path names no field of the form: shown above the form. */
  other: string[];
}

/** `/outlets/0/code` → ['outlets', 0, 'code'] (RFC 6901 unescaping of ~1 and ~0). */
export function pointerToPath(pointer: string): FieldPath {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Maps problem+json `errors[]` to form fields. A path is kept when its first segment is one of
 * `knownFields`; messages for the same field are merged. Query-parameter and unknown paths go to `other`.
 */
export function problemToFieldErrors(errors: FieldProblem[], knownFields: readonly string[]): MappedProblems {
  const byKey = new Map<string, FieldErrorEntry>();
  const other: string[] = [];
  for (const error of errors) {
    const name = pointerToPath(error.path);
    const head = name[0];
    if (typeof head !== 'string' || !knownFields.includes(head)) {
      other.push(error.path ? `${error.path}: ${error.message}` : error.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byKey.get(key);
    if (entry) entry.errors.push(error.message);
    else byKey.set(key, { name, errors: [error.message] });
  }
  return { fields: [...byKey.values()], other };
}
