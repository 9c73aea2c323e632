export * from './database';
export * from './factories';
export * from './id-numbers';
export * from './zip';
