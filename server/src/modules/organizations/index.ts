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
  lockOrganization,
  type OrganizationRow,
  type MembershipRow,
} from './organizations.repository.js';
export { getActorOrganization, getAdminPlace, lockAsOrgAdmin, type ActorOrganization } from './organizations.policy.js';
export { logoUrlOf } from './organizations.service.js';
export { organizationsRoutes } from './organizations.routes.js';
export { provideOrganizationCounters, type OrganizationCounters } from './organization-counters.js';
export { organizationSignUp } from './organization-sign-up.js';
export { lockOrganizationForQuota, membershipOrganizationSql, findOrganizationsNamed } from './organizations.repository.js';
export { lockOrganizationStorage, releaseStorage, reserveStorage } from './organization-storage.js';
