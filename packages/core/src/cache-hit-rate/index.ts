export * from './decision.ts';
export * from './windows.ts';
