/** Firm API v1: the zod schemas are the one source of types, validation and the OpenAPI document. */
export * from './primitives';
export * from './pms';
export * from './user';
export * from './client';
export * from './secondment';
export * from './need';
export * from './candidate-flag';
export * from './client-context';
export * from './changes';
export * from './problem';
export * from './audit';

export const API_VERSION = 'v1';
