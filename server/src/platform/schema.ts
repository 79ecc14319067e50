// Every Drizzle table of the product, for the query builder and for drizzle-kit.
export * from '../modules/users/users.tables.js';
export * from '../modules/auth/auth.tables.js';
export * from '../modules/organizations/organizations.tables.js';
export * from './mail/mail.tables.js';
export * from '../modules/forum/forum.tables.js';
export * from '../modules/files/files.tables.js';
export * from '../modules/invitations/invitations.tables.js';
export * from '../modules/use-cases/use-cases.tables.js';
