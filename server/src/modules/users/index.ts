export { users, userDataExports } from './users.tables.js';
export {
  findUserByEmail,
  findUserById,
  insertUser,
  setUserAvatar,
  updateUserProfile,
  avatarUrlOf,
  FORMER_MEMBER_NAME,
  anonymiseUser,
  removedUserEmail,
  type UserRow,
} from './users.repository.js';
