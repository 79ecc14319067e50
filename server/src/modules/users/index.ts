export { users } from './users.tables.js';
export {
  findUserByEmail,
  findUserById,
  insertUser,
  setUserAvatar,
  updateUserProfile,
  avatarUrlOf,
  FORMER_MEMBER_NAME,
  type UserRow,
} from './users.repository.js';
