export { createAuth, type Auth, type SignUpOrganization, trustedOrigins, REMEMBER_ME_HEADER } from './auth.js';
export { authRoutes } from './auth.routes.js';
export { createSessionResolver } from './session.js';
export { sessions, accounts, verifications } from './auth.tables.js';
export { checkPasswordStrength } from './password-policy.js';
export {
  deleteAllSessions,
  deleteUserSession,
  insertUserWithPassword,
  listActiveSessions,
  removeCredentials,
  type NewPasswordUser,
  type SessionRow,
} from './credentials.repository.js';
export { authRetention } from './auth.retention.js';
