export {
  authorColumns,
  authorFrom,
  authorJoin,
  authorShape,
  optionalAuthorShape,
  organizationJoin,
  presentAuthor,
  type AuthorColumns,
} from './author.js';
export { peopleRoutes } from './people.routes.js';
export { loadMe } from './me.service.js';
export { lockLeavingMember, lockRemovableMember } from './members.service.js';
