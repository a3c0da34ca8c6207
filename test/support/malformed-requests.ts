// Generates malformed requests for every operation of /openapi.json: a valid-looking request (from
// openapi-sample.ts) that one mutation then breaks — a wrong type or a missing, extra, huge, NUL-laden
// or deeply nested value somewhere in the body, bad JSON, a wrong content type, an invalid id in the
// path, a bad query value, a bad If-Match. Seeded, so a failure can be replayed with the same seed.
import crypto from 'node:crypto';
import { uuidv7 } from '../../src/app/system.ts';
import { BAD_CONTENT_TYPES, BAD_IDS, BAD_IF_MATCH, BAD_JSON, BAD_QUERY_VALUES, NASTY_STRINGS } from './malformed-values.ts';
import { resolveRef, sampleFromSchema, type JsonSchema } from './openapi-sample.ts';

export interface FuzzOperation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly { name: string; schema: JsonSchema }[];
  readonly queryParams: readonly { name: string; schema: JsonSchema }[];
  readonly body?: JsonSchema;
}

export interface MalformedRequest {
  /** What was broken, for the failure message. */
  readonly label: string;
  readonly method: string;
  /** Path and query, already escaped as sent. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

type OpenApiDocument = {
  components?: { schemas?: Record<string, JsonSchema> };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};

export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const components = doc.components?.schemas ?? {};
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (where: string) =>
        (op.parameters ?? []).filter((p) => p.in === where).map((p) => ({ name: p.name, schema: resolveRef(p.schema ?? {}, components) }));
      const content = op.requestBody?.content;
      const schema = content ? Object.values(content)[0]?.schema : undefined;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: params('path'),
        queryParams: params('query'),
        ...(schema ? { body: resolveRef(schema, components) } : {}),
      };
    }),
  );
}

/** A small seeded generator (mulberry32): the same seed gives the same requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzContext {
  readonly components: Record<string, JsonSchema>;
  /** The signed-in user's patient and organization, so the valid parts of a request name real records. */
  readonly patientId: string;
  readonly organizationId: string;
  /** Cookie and CSRF token of the session to send to `op`. */
  readonly auth: (op: FuzzOperation) => Record<string, string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Every place in a JSON value (the root too), as a list of keys and indexes. */
function placesIn(value: Json, at: Step[] = [], out: Step[][] = []): Step[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => placesIn(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) placesIn(v, [...at, k], out);
  return out;
}

function getAt(value: Json, at: readonly Step[]): Json {
  return at.reduce<Json>((v, step) => (v as Record<Step, Json>)[step]!, value);
}

/** `value` with the place `at` replaced (or removed, when `next` is undefined). */
function setAt(value: Json, at: readonly Step[], next: Json | undefined): Json {
  if (at.length === 0) return next ?? null;
  const copy = structuredClone(value) as Record<Step, Json>;
  const parent = getAt(copy as Json, at.slice(0, -1)) as Record<Step, Json> & Json[];
  const last = at.at(-1)!;
  if (next !== undefined) parent[last] = next;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy as Json;
}

function otherTypeThan(value: Json, random: () => number): Json {
  const kinds: Json[] = [12345, -1, 1.5, 'a string', true, null, [], {}, [1, 'two'], { nested: { deeper: true } }, 1e308, -0, ''];
  const sameType = (v: Json) => typeof v === typeof value && Array.isArray(v) === Array.isArray(value) && (v === null) === (value === null);
  return pick(
    random,
    kinds.filter((k) => !sameType(k)),
  );
}

function deepNesting(depth: number, random: () => number): string {
  return random() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function validPathValue(name: string, schema: JsonSchema, ctx: FuzzContext): string {
  if (name === 'patientId') return ctx.patientId;
  if (name === 'organizationId') return ctx.organizationId;
  if (name === 'date') return '2026-11-20';
  if (name === 'version') return '1';
  if (name === 'instrumentId') return 'phq-9';
  const sample = sampleFromSchema(
    schema,
    { futureInstant: '2030-01-01T00:00:00Z', uuid: uuidv7(Date.now(), crypto.randomInt(4096)) },
    name,
  );
  return typeof sample === 'string' && sample !== 'sample text' ? sample : uuidv7(Date.now(), crypto.randomInt(4096));
}

/** One malformed request for `op`, chosen by `random`. */
export function malformedRequest(op: FuzzOperation, ctx: FuzzContext, random: () => number): MalformedRequest {
  const pathValues = Object.fromEntries(op.pathParams.map((p) => [p.name, validPathValue(p.name, p.schema, ctx)]));
  const sample = (
    op.body
      ? sampleFromSchema(op.body, { futureInstant: '2030-01-01T00:00:00Z', uuid: ctx.patientId, components: ctx.components })
      : undefined
  ) as Json | undefined;
  let query = '';
  let body: Buffer | undefined = sample === undefined ? undefined : Buffer.from(JSON.stringify(sample));
  const headers: Record<string, string> = { ...ctx.auth(op), ...(body ? { 'content-type': 'application/json' } : {}) };
  const kinds: [string, () => string][] = [];

  if (sample !== undefined) {
    const places = placesIn(sample);
    const inside = places.filter((p) => p.length > 0);
    const setBody = (value: Json | undefined, raw?: string) => {
      body = Buffer.from(raw ?? JSON.stringify(value));
    };
    kinds.push([
      'wrong type',
      () => {
        const at = pick(random, places);
        setBody(setAt(sample, at, otherTypeThan(getAt(sample, at), random)));
        return `wrong type at /${at.join('/')}`;
      },
    ]);
    if (inside.length > 0) {
      kinds.push([
        'missing field',
        () => {
          const at = pick(random, inside);
          setBody(setAt(sample, at, undefined));
          return `without /${at.join('/')}`;
        },
      ]);
      kinds.push([
        'huge string',
        () => {
          const at = pick(random, inside);
          const size = pick(random, [10_000, 100_000, 900_000, 1_100_000]);
          setBody(setAt(sample, at, 'x'.repeat(size)));
          return `${size}-character string at /${at.join('/')}`;
        },
      ]);
      kinds.push([
        'nasty string',
        () => {
          const at = pick(random, inside);
          const s = pick(random, NASTY_STRINGS);
          setBody(setAt(sample, at, s));
          return `${JSON.stringify(s).slice(0, 30)} at /${at.join('/')}`;
        },
      ]);
      kinds.push([
        'deep nesting inside',
        () => {
          const at = pick(random, inside);
          const depth = pick(random, [100, 10_000, 100_000]);
          const marker = '"__deep__"';
          // Half the time beside a \u escape, which makes the parser look through the body for text no store keeps.
          const nested = random() < 0.5 ? `["\\u00e9",${deepNesting(depth, random)}]` : deepNesting(depth, random);
          setBody(undefined, JSON.stringify(setAt(sample, at, '__deep__')).replace(marker, nested));
          return `nesting ${depth} deep at /${at.join('/')}`;
        },
      ]);
      kinds.push([
        'odd number',
        () => {
          const at = pick(random, inside);
          const n = pick(random, ['1e309', '-1e309', '1.0000000000000002', '9007199254740993', '-0', '1e-400', '0.1e1']);
          setBody(undefined, JSON.stringify(setAt(sample, at, '__n__')).replace('"__n__"', n));
          return `number ${n} at /${at.join('/')}`;
        },
      ]);
    }
    const objects = places.filter((p) => {
      const v = getAt(sample, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    if (objects.length > 0) {
      kinds.push([
        'extra field',
        () => {
          const at = pick(random, objects);
          const key = pick(random, ['unexpectedField', '__proto__', 'constructor', 'id', 'patientId', 'version', '']);
          const target = { ...(getAt(sample, at) as Record<string, Json>) };
          let raw = JSON.stringify(setAt(sample, at, { ...target, __extra__: 1 }));
          raw = raw.replace('"__extra__":1', `${JSON.stringify(key)}:${pick(random, ['1', '"x"', '{"polluted":true}', 'null'])}`);
          setBody(undefined, raw);
          return `extra field ${JSON.stringify(key)} at /${at.join('/')}`;
        },
      ]);
      kinds.push([
        'duplicate key',
        () => {
          const raw = JSON.stringify(sample);
          const key = Object.keys(sample as object)[0];
          setBody(undefined, key ? raw.replace(/^\{/, `{${JSON.stringify(key)}:12345,`) : raw);
          return `duplicate key ${key ?? '(none)'}`;
        },
      ]);
    }
    kinds.push([
      'bad JSON',
      () => {
        const raw = pick(random, BAD_JSON);
        setBody(undefined, raw);
        return `body ${JSON.stringify(raw).slice(0, 30)}`;
      },
    ]);
    kinds.push([
      'truncated JSON',
      () => {
        const raw = JSON.stringify(sample);
        const cut = Math.max(1, Math.floor(random() * raw.length));
        setBody(undefined, raw.slice(0, cut));
        return `body cut at ${cut} of ${raw.length}`;
      },
    ]);
    kinds.push([
      'deep nesting',
      () => {
        const depth = pick(random, [1000, 100_000, 400_000]);
        setBody(undefined, deepNesting(depth, random));
        return `body nested ${depth} deep`;
      },
    ]);
    kinds.push([
      'invalid UTF-8',
      () => {
        body = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x00]), Buffer.from('"}')]);
        return 'invalid UTF-8 bytes';
      },
    ]);
  }
  kinds.push([
    'wrong content type',
    () => {
      const type = pick(random, BAD_CONTENT_TYPES);
      headers['content-type'] = type;
      body ??= Buffer.from(pick(random, ['hello', '{}', 'a=1&b=2', '<a/>']));
      return `content-type ${type}`;
    },
  ]);
  kinds.push([
    'body without a content type',
    () => {
      delete headers['content-type'];
      body = Buffer.from(sample === undefined ? '{}' : JSON.stringify(sample));
      return 'body without content-type';
    },
  ]);
  kinds.push([
    'bad If-Match',
    () => {
      const value = pick(random, BAD_IF_MATCH);
      headers['if-match'] = value;
      return `If-Match ${value.slice(0, 20)}`;
    },
  ]);
  kinds.push([
    'bad query value',
    () => {
      const name =
        op.queryParams.length > 0 && random() < 0.8
          ? pick(random, op.queryParams).name
          : pick(random, ['unknown', 'limit', '__proto__', '']);
      const value = pick(random, BAD_QUERY_VALUES);
      query = random() < 0.2 ? `?${name}=${value}&${name}=${value}` : random() < 0.1 ? `?${name}[]=${value}` : `?${name}=${value}`;
      return `query ${query.slice(0, 40)}`;
    },
  ]);
  if (op.pathParams.length > 0) {
    kinds.push([
      'invalid id in path',
      () => {
        const param = pick(random, op.pathParams);
        const bad = pick(random, BAD_IDS);
        pathValues[param.name] = bad;
        return `${param.name}=${bad.slice(0, 40)}`;
      },
    ]);
    kinds.push([
      'someone else’s id in path',
      () => {
        const param = pick(random, op.pathParams);
        pathValues[param.name] = uuidv7(Date.now(), crypto.randomInt(4096));
        return `${param.name}=an unknown uuid`;
      },
    ]);
  }
  if (op.method !== 'GET') {
    kinds.push([
      'no CSRF token',
      () => {
        delete headers['x-csrf-token'];
        return 'without X-CSRF-Token';
      },
    ]);
  }

  const [kind, mutate] = pick(random, kinds);
  const detail = mutate();
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = pathValues[name]!;
    // Bad ids are written already escaped (some deliberately wrongly); valid ones are escaped here.
    return BAD_IDS.includes(v) ? v : encodeURIComponent(v);
  });
  return { label: `${op.method} ${op.path} [${kind}] ${detail}`, method: op.method, url: path + query, headers, ...(body ? { body } : {}) };
}
