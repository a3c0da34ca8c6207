// Response serialization from the route's zod schema, compiled once per route into fast-json-stringify
// (what Fastify uses for JSON Schema). Like zod's own encoder it writes only the declared properties —
// nothing the schema does not name can leak into a response — but it does not re-validate our own
// output on every request, which was the largest cost of small authenticated responses.
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

export const zodFastSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-7' });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
};
