/**
 * Every string, array and record a page can send main is bounded: one IPC call must not
 * be able to write a 100 MB file or block main for seconds (issue 10, finding 6). This
 * module gives the record helper zod lacks (a record with a maximum entry count) and the
 * walker the contract test uses to find anything unbounded, by channel and field path.
 */
import { z } from 'zod';

/** Entry-count gates made by boundedRecord (zod has no record limit the walker could read). */
const entryLimits = new WeakSet<object>();

/**
 * A record of at most `maxEntries` entries (keys and values must be bounded themselves).
 * The count is checked BEFORE any entry is parsed: 200,000 entries are refused at once
 * instead of blocking main for seconds while zod parses them all.
 */
export function boundedRecord<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V, maxEntries: number) {
  const gate = (input: unknown, ctx: { issues: unknown[] }) => {
    if (input && typeof input === 'object') {
      let n = 0;
      for (const k in input) if (Object.hasOwn(input, k) && ++n > maxEntries) {
        ctx.issues.push({ code: 'too_big', origin: 'record', maximum: maxEntries, input: n, message: `At most ${maxEntries} entries.` });
        return z.NEVER;
      }
    }
    return input;
  };
  entryLimits.add(gate);
  return z.preprocess(gate, z.record(key, value));
}

/** String formats whose grammar bounds their length. */
const BOUNDED_FORMATS = new Set(['datetime', 'date', 'time', 'uuid', 'guid', 'ipv4', 'ipv6', 'cuid', 'ulid']);

interface Def {
  type: string;
  format?: string;
  checks?: Array<{ _zod: { def: { check?: string; maximum?: number } } }>;
  [k: string]: unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const hasMax = (def: Def) => (def.checks ?? []).some((c) => (c._zod.def.check === 'max_length' || c._zod.def.check === 'max_size') && Number.isFinite(c._zod.def.maximum));

/**
 * Paths (e.g. `credentials.roleArn`, `items[]`) of every string, array or record in `schema`
 * that has no upper bound, and of types that accept anything (unknown, any, custom).
 */
export function findUnbounded(schema: z.ZodType, path = '', seen = new Set<z.ZodType>(), gated = false): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const at = path || '(input)';
  const walk = (s: unknown, p: string, g = false) => findUnbounded(s as z.ZodType, p, seen, g);
  switch (def.type) {
    case 'string':
      return hasMax(def) || BOUNDED_FORMATS.has(def.format ?? '') ? [] : [`${at}: string without .max()`];
    case 'array':
      return [...(hasMax(def) ? [] : [`${at}: array without .max()`]), ...walk(def.element, `${path}[]`)];
    case 'record':
      return [
        ...(gated ? [] : [`${at}: record without an entry limit (use boundedRecord)`]),
        ...walk(def.keyType, `${path}{key}`),
        ...walk(def.valueType, `${path}{value}`),
      ];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) => walk(v, path ? `${path}.${k}` : k));
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o, i) => {
        const tag = def.discriminator ? (defOf(o).shape as Record<string, z.ZodType> | undefined)?.[def.discriminator as string] : undefined;
        const label = tag ? String((defOf(tag).values as unknown[] | undefined)?.[0] ?? i) : String(i);
        return walk(o, `${path}<${label}>`);
      });
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'tuple':
      return [...(def.items as z.ZodType[]).flatMap((s, i) => walk(s, `${path}[${i}]`)), ...(def.rest ? walk(def.rest, `${path}[…]`) : [])];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType, path);
    case 'pipe': {
      const inDef = defOf(def.in as z.ZodType);
      const gate = inDef.type === 'transform' && entryLimits.has(inDef.transform as object);
      return [...walk(def.in, path), ...walk(def.out, path, gate)];
    }
    case 'lazy':
      return walk((def.getter as () => z.ZodType)(), path);
    case 'unknown':
    case 'any':
    case 'custom':
    case 'set':
    case 'map':
      return [`${at}: ${def.type} accepts anything`];
    default:
      // number, boolean, enum, literal, undefined, null, transform, date, bigint, never…
      return [];
  }
}
