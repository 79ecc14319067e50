export { invitations, invitationSends } from './invitations.tables.js';
export { invitationsRoutes } from './invitations.routes.js';
export { hashInvitationToken, invitationUrl, newInvitationToken, effectiveStatus } from './invitations.service.js';
export { countPendingInvitationsSql } from './invitations.repository.js';
export { forgetInvitee } from './invitations.erasure.js';
