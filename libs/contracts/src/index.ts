export * from './api-inputs.schema';
export * from './api-responses';
export * from './lifecycle';
export * from './selector';
export * from './slugify';
export * from './vocabulary';
export * from './webhook-policy';
