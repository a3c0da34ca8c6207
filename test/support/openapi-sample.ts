// Builds a valid-looking sample value from a JSON schema in /openapi.json, so tests can send every
// route a well-formed request without a hand-kept list that goes stale when routes are added.
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  examples?: unknown[];
  minLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
  pattern?: string;
  minItems?: number;
};

export interface SampleHints {
  readonly futureInstant: string;
  readonly uuid: string;
  /** `components.schemas` of the document, to follow `$ref`s. */
  readonly components?: Record<string, JsonSchema>;
}

export function sampleFromSchema(schema: JsonSchema, hints: SampleHints, name = ''): unknown {
  if (schema.$ref) return sampleFromSchema(hints.components?.[schema.$ref.split('/').at(-1)!] ?? {}, hints, name);
  if (schema.examples && schema.examples.length > 0) return structuredClone(schema.examples[0]);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sampleFromSchema(options.find((o) => o.type !== 'null') ?? options[0]!, hints, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sampleFromSchema(value, hints, key);
      return out;
    }
    case 'array':
      return [sampleFromSchema(schema.items ?? {}, hints, name)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return hints.uuid;
      if (schema.format === 'date-time') return hints.futureInstant;
      if (schema.format === 'email') return 'sample@example.test';
      if (/timezone/i.test(name)) return 'Europe/Berlin';
      return 'sample text';
    default:
      return 'sample';
  }
}

export function resolveRef(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  return schema.$ref ? (components[schema.$ref.split('/').at(-1)!] ?? schema) : schema;
}
