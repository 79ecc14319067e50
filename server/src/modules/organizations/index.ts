export { organizations, memberships } from './organizations.tables.js';
export {
  insertOrganization,
  insertMembership,
  findOrganizationByName,
  findMembershipWithOrganization,
  setOrganizationLogo,
  type OrganizationRow,
  type MembershipRow,
} from './organizations.repository.js';
