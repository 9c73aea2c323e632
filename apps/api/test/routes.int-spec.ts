import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROUTES } from '@guanai/contracts';
import { PUBLIC_KEY, ROUTE_KEY } from '../src/common/route';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Secure by default (STYLE 4): every handler is a contract route or explicitly public; none is missing. */
describe('route coverage', () => {
  it('binds every controller handler to a contract (or an explicit @Public) and every contract to a handler', () => {
    const discovery = h.app.get(DiscoveryService);
    const scanner = h.app.get(MetadataScanner);
    const reflector = h.app.get(Reflector);
    const bound = new Set<string>();
    const unbound: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const method of scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        const route = reflector.get<{ name: string } | undefined>(ROUTE_KEY, handler);
        const isPublic = reflector.get<boolean>(PUBLIC_KEY, handler);
        const isHttp = Reflect.getMetadata('method', handler) !== undefined && Reflect.getMetadata('method', handler) in RequestMethod;
        if (route) bound.add(route.name);
        else if (isHttp && !isPublic) unbound.push(`${wrapper.name}.${method}`);
      }
    }
    expect(unbound).toEqual([]);
    expect([...bound].sort()).toEqual(Object.keys(ROUTES).sort());
  });
});

describe('API documentation', () => {
  it('serves the OpenAPI document and a Swagger UI page with its assets, without login', async () => {
    const { default: request } = await import('supertest');
    const json = await request(h.http).get('/api/docs/openapi.json');
    expect(json.body.openapi).toBe('3.1.0');
    expect(Object.keys(json.body.paths)).toContain('/api/v1/users/{id}');
    const page = await request(h.http).get('/api/docs');
    expect(page.text).toContain('swagger-ui-bundle.js');
    const asset = await request(h.http).get('/api/docs/assets/swagger-ui-bundle.js');
    expect([asset.status, asset.headers['content-type']]).toEqual([200, expect.stringMatching(/javascript/)]);
  });
});
