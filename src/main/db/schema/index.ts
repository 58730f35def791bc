export * from './audit';
export * from './settings';
export * from './users';
