export * from './common';
export * from './roles';
export * from './auth';
export * from './orgs';
export * from './users';
export * from './audit';
export * from './settings';
export * from './routes';
export { buildOpenApi } from './openapi';
