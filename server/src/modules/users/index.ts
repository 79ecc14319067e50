export { users } from './users.tables.js';
export { usersRoutes } from './users.routes.js';
export { findUserByEmail, findUserById, insertUserWithPassword, setUserAvatar, type UserRow } from './users.repository.js';
export { loadMe, avatarUrlOf } from './users.service.js';
export { FORMER_MEMBER_NAME } from './members.service.js';
