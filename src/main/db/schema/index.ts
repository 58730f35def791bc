export * from './audit';
export * from './settings';
export * from './users';
export * from './group';
export * from './organisations';
export * from './meetings';
export * from './cases';
export * from './parameters';
