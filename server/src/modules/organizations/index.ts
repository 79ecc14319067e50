export { organizations, memberships } from './organizations.tables.js';
export {
  insertOrganization,
  insertMembership,
  findOrganizationByName,
  findOrganizationById,
  findMembershipWithOrganization,
  setOrganizationLogo,
  countActiveAdmins,
  countUsedSeats,
  type OrganizationRow,
  type MembershipRow,
} from './organizations.repository.js';
export {
  getActorOrganization,
  getAdminPlace,
  assertOrgAdmin,
  assertCanWriteIn,
  assertCanWriteWithStatus,
  lockAsOrgAdmin,
  isOrgAdmin,
  type ActorOrganization,
} from './organizations.policy.js';
export { logoUrlOf } from './organizations.service.js';
export { organizationsRoutes } from './organizations.routes.js';
