export * from './errors.js';
export * from './problem.js';
export * from './enums.js';
export * from './auth.js';
export * from './users.js';
