import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApi } from './openapi';
import { ROUTES } from './routes';
import { CreateUserRequest } from './users';

type Doc = { paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; security?: unknown[] }>> };

describe('OpenAPI document generated from the contracts', () => {
  const doc = buildOpenApi('1.0.0') as unknown as Doc;

  it('has one operation per route, with its path under /api and {params}', () => {
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(Object.keys(ROUTES).sort());
    expect(doc.paths['/api/v1/users/{id}']?.patch?.operationId).toBe('updateUser');
  });

  it('marks public routes as needing no token', () => {
    expect(doc.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/users']?.get?.security).toBeUndefined();
  });

  it('documents request bodies as strict (unknown fields rejected)', () => {
    const body = doc.paths['/api/v1/users']?.post?.requestBody as {
      content: { 'application/json': { schema: { additionalProperties: boolean } } };
    };
    expect(body.content['application/json'].schema.additionalProperties).toBe(false);
    expect(CreateUserRequest.safeParse({ username: 'abc', displayName: 'x', role: 'teacher', orgId: crypto.randomUUID(), extra: 1 }).success).toBe(false);
  });

  it('matches the committed docs/openapi.json (regenerate with `npm run openapi`)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
