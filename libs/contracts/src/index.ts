export * from './api-inputs.schema';
export * from './vocabulary';
