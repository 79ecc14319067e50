import {
  organizationCardSchema,
  organizationSchema,
  organizationStatsSchema,
  problemSchema,
  updateOrganizationBodySchema,
} from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { actorOf, type SessionResolver } from '../../platform/actor.js';
import { getMyOrganization, getMyOrganizationStats, getOrganizationCard, updateMyOrganization } from './organizations.service.js';

export interface OrganizationsRoutesOptions {
  db: Db;
  sessions: SessionResolver;
}

export const organizationsRoutes: FastifyPluginAsyncZod<OrganizationsRoutesOptions> = async (app, { db, sessions }) => {
  const tags = ['organizations'];
  const security = [{ sessionCookie: [] }];
  const signedIn = { onRequest: sessions.requireActor };

  app.get(
    '/organizations/me',
    { ...signedIn, schema: { tags, security, summary: 'My organization', response: { 200: organizationSchema, 401: problemSchema } } },
    async (request) => getMyOrganization(db, actorOf(request)),
  );

  app.patch(
    '/organizations/me',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "Edit my organization's profile (organization admins); status and tier belong to the platform",
        body: updateOrganizationBodySchema,
        response: { 200: organizationSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => updateMyOrganization(db, actorOf(request), request.body),
  );

  app.get(
    '/organizations/me/stats',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          'Users by role and status, pending invitations, storage used against the quota, tier, trial and limits (organization admins)',
        response: { 200: organizationStatsSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => getMyOrganizationStats(db, actorOf(request)),
  );

  app.get(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: "An organization's public card (no sign-in needed)",
        params: z.object({ id: z.uuid() }),
        response: { 200: organizationCardSchema, 404: problemSchema },
      },
    },
    async (request) => getOrganizationCard(db, request.params.id),
  );
};
