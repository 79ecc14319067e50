import {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  invitationListQuerySchema,
  invitationPageSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationStatsSchema,
  invitationTokenParamsSchema,
  meSchema,
  problemSchema,
} from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { copySetCookies, toWebHeaders } from '../../platform/http.js';
import type { Mailer } from '../../platform/mail/index.js';
import { CLIENT_IP_HEADER } from '../../platform/actor.js';
import { type Auth, REMEMBER_ME_HEADER } from '../auth/index.js';
import { actorOf, type SessionResolver } from '../../platform/actor.js';
import { loadMe } from '../people/index.js';
import { acceptInvitation, previewInvitation } from './invitations.accept.js';
import {
  MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR,
  MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY,
  MAX_INVITES_PER_ADDRESS_PER_DAY,
  MAX_RESENDS_PER_INVITATION,
  MIN_MINUTES_BETWEEN_RESENDS,
} from './invitations.limits.js';
import { cancelInvitation, createInvitation, getInvitationStats, listInvitations, resendInvitation } from './invitations.service.js';

export interface InvitationsRoutesOptions {
  db: Db;
  sessions: SessionResolver;
  auth: Auth;
  mailer: Mailer;
  publicUrl: string;
}

export const invitationsRoutes: FastifyPluginAsyncZod<InvitationsRoutesOptions> = async (
  app,
  { db, sessions, auth, mailer, publicUrl },
) => {
  const deps = { db, mailer, publicUrl };
  const tags = ['invitations'];
  const security = [{ sessionCookie: [] }];
  const signedIn = { onRequest: sessions.requireActor };
  const idParams = z.object({ id: z.uuid() });
  const adminErrors = { 401: problemSchema, 403: problemSchema };

  app.post(
    '/invitations',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Invite someone to my organization by email (organization admins); the link is valid for 7 days and can be used once',
        description:
          'The answer is the same whether or not the address has an account in another organization: the invitee learns that on accepting. ' +
          `Limited per organization (${MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY} emails a day), per admin (${MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR} an hour) ` +
          `and per address (${MAX_INVITES_PER_ADDRESS_PER_DAY} new invitations a day): 429 with Retry-After. ` +
          'The message is plain text without links, web or e-mail addresses.',
        body: createInvitationBodySchema,
        response: { 201: invitationSchema, 400: problemSchema, ...adminErrors, 409: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInvitation(deps, actorOf(request), request.body)),
  );

  app.get(
    '/invitations',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "My organization's invitations, newest first, optionally by status (organization admins)",
        // Inlined (not a $ref to the named component): Swagger cannot turn a referenced querystring into parameters.
        querystring: z.object(invitationListQuerySchema.shape),
        response: { 200: invitationPageSchema, 400: problemSchema, ...adminErrors },
      },
    },
    async (request) => listInvitations(db, actorOf(request), request.query),
  );

  app.get(
    '/invitations/stats',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Invitations by status and the acceptance rate (organization admins)',
        response: { 200: invitationStatsSchema, ...adminErrors },
      },
    },
    async (request) => getInvitationStats(db, actorOf(request)),
  );

  app.post(
    '/invitations/:id/cancel',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Cancel a pending invitation: its link stops working (organization admins)',
        params: idParams,
        response: { 200: invitationSchema, ...adminErrors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => cancelInvitation(db, actorOf(request), request.params.id),
  );

  app.post(
    '/invitations/:id/resend',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          'Send a pending (or expired) invitation again with a new link and a new 7-day expiry; the old link stops working (organization admins)',
        description: `At most ${MAX_RESENDS_PER_INVITATION} resends per invitation, ${MIN_MINUTES_BETWEEN_RESENDS} minutes apart, within the organization and admin limits: 429 with Retry-After.`,
        params: idParams,
        response: { 200: invitationSchema, ...adminErrors, 404: problemSchema, 409: problemSchema, 429: problemSchema },
      },
    },
    async (request) => resendInvitation(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/invitations/validate/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers (public: the token is the credential)',
        params: invitationTokenParamsSchema,
        response: { 200: invitationPreviewSchema, 404: problemSchema, 409: problemSchema, 410: problemSchema },
      },
    },
    async (request) => previewInvitation(db, request.params.token),
  );

  app.post(
    '/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation (public): creates the account in that organization with the invited role and signs in',
        body: acceptInvitationBodySchema,
        response: { 200: meSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema, 410: problemSchema },
      },
    },
    async (request, reply) => {
      const { userId, email } = await acceptInvitation(db, auth, request.body);
      // Sign in through the auth library so the session is its own; the client IP comes from
      // request.ip, never from a header the client sent.
      const headers = toWebHeaders(request, [CLIENT_IP_HEADER, REMEMBER_ME_HEADER, 'content-length', 'content-type']);
      headers.set(CLIENT_IP_HEADER, request.ip);
      const signIn = await auth.api.signInEmail({ body: { email, password: request.body.password }, headers, returnHeaders: true });
      copySetCookies(signIn.headers, reply);
      return loadMe(db, userId);
    },
  );
};
