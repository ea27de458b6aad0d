import { type TOptional, type TProperties, type TSchema, Type } from 'typebox';

// Null first: Ajv coerces types (query strings need it), and with `t` first it would turn null into 0 or ''.
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/** Every property optional: the body of a PATCH. */
export function optionalAll<P extends TProperties>(props: P): { [K in keyof P]: TOptional<P[K]> } {
  const out: Record<string, TSchema> = {};
  for (const [k, v] of Object.entries(props)) out[k] = Type.Optional(v);
  return out as { [K in keyof P]: TOptional<P[K]> };
}

/** `{items, total, page, pageSize}`: the shape of every list. */
export const listOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Nullable and list properties become optional: a create body may leave out what may be empty. */
export function optionalNullables<P extends TProperties>(props: P): TProperties {
  const out: Record<string, TSchema> = {};
  for (const [k, v] of Object.entries(props)) {
    const nullable =
      Array.isArray((v as { anyOf?: unknown[] }).anyOf) &&
      (v as { anyOf: { type?: string }[] }).anyOf.some((x) => x.type === 'null');
    out[k] = nullable || (v as { type?: string }).type === 'array' ? Type.Optional(v) : v;
  }
  return out;
}
