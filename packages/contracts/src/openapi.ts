import { z } from 'zod';
import { Problem } from './common';
import { ROUTES } from './routes';
import type { RouteContract } from './route-contract';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete s.$schema;
  return s;
}

function operation(name: string, route: RouteContract): Json {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  }));
  if (route.query) {
    const q = jsonSchema(route.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [key, schema] of Object.entries(q.properties ?? {})) {
      params.push({ name: key, in: 'query', required: (q.required ?? []).includes(key), schema } as never);
    }
  }
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const ok = route.produces
    ? { content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } } }
    : route.response
      ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
      : {};
  return {
    operationId: name,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    'x-permission': route.access,
    parameters: params,
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(route.status ?? 200)]: { description: 'OK', ...ok },
      default: { description: 'Problem', content: problem },
    },
  };
}

/** The OpenAPI 3.1 document of the whole API, generated from the zod contracts. */
export function buildOpenApi(version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [name, route] of Object.entries(ROUTES) as [string, RouteContract][]) {
    const path = '/api' + route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method] = operation(name, route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Guanai 教师关爱平台 API', version },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(Problem, 'output') },
    },
  };
}
