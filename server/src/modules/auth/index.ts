export { createAuth, type Auth, trustedOrigins } from './auth.js';
export { authRoutes } from './auth.routes.js';
export { createSessionResolver, actorOf, assertCanWrite, type Actor, type SessionResolver } from './session.js';
export { sessions } from './auth.tables.js';
