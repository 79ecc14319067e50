export { users } from './users.tables.js';
export { usersRoutes } from './users.routes.js';
export { findUserByEmail, findUserById, setUserAvatar, type UserRow } from './users.repository.js';
