import {
  applyDecorators,
  Body,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  SetMetadata,
} from '@nestjs/common';
import { ROUTES, type RouteContract, type RouteName } from '@guanai/contracts';
import { IdParam, ZodPipe } from './zod.pipe';

export const ROUTE_KEY = 'guanai:route';
export const PUBLIC_KEY = 'guanai:public';

const METHODS = { get: Get, post: Post, put: Put, patch: Patch, delete: Delete } as const;

/**
 * Binds a handler to its contract in `@guanai/contracts` ROUTES: method, path, success status and
 * the access it needs. The auth guard reads the access; nothing is reachable without a contract.
 */
export function Route(name: RouteName): MethodDecorator {
  const c: RouteContract = ROUTES[name];
  return applyDecorators(
    METHODS[c.method](c.path),
    HttpCode(c.status ?? 200),
    SetMetadata(ROUTE_KEY, { name, ...c }),
  );
}

/** For the few handlers outside the contracts (SPA files, the OpenAPI page): no login needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The request body, parsed with the route's contract. */
export function BodyOf(name: RouteName): ParameterDecorator {
  const schema = ROUTES[name].body;
  if (!schema) throw new Error(`route ${name} has no body contract`);
  return Body(new ZodPipe(schema, 'body'));
}

/** The query string, parsed with the route's contract. */
export function QueryOf(name: RouteName): ParameterDecorator {
  const schema = ROUTES[name].query;
  if (!schema) throw new Error(`route ${name} has no query contract`);
  return Query(new ZodPipe(schema, 'query'));
}

export const IdOf = () => Param('id', new ZodPipe(IdParam, 'params'));

/** A second id in the path (e.g. `:attachmentId`), checked like `:id`. */
export const ParamIdOf = (name: string) => Param(name, new ZodPipe(IdParam, 'params'));
