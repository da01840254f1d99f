import type { z } from 'zod';

// A list's filters come from the address, which anyone can edit, an old bookmark can carry and a
// colleague can mistype. Each is read through the contract's own schema for that filter: a value
// the contract would refuse is dropped (the filter shows "any"), never cast and sent on to fail
// the whole list.

/** A text parameter (an enum, a country code) if the schema accepts it, else undefined. */
export function textParam<S extends z.ZodType>(schema: S, raw: string | null | undefined): z.output<S> | undefined {
  if (!raw) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A number parameter (an id, a year) if the schema accepts it, else undefined: "abc", "0" and "1.5" are not ids. */
export function numberParam<S extends z.ZodType>(schema: S, raw: string | null | undefined): z.output<S> | undefined {
  if (!raw) return undefined;
  const parsed = schema.safeParse(Number(raw));
  return parsed.success ? parsed.data : undefined;
}
