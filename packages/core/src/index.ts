export * from './domain.ts';
export * from './schemas/api-keys.ts';
export * from './schemas/auth.ts';
