import {
  memberListQuerySchema,
  memberPageSchema,
  memberSchema,
  meSchema,
  problemSchema,
  sessionListSchema,
  updateMeBodySchema,
  updateMemberBodySchema,
  userProfileSchema,
} from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { actorOf, type SessionResolver } from '../../platform/actor.js';
import { getUserProfile, listMembers, updateMember } from './members.service.js';
import { getMe, listMySessions, revokeMySession, updateMe } from './me.service.js';

export interface PeopleRoutesOptions {
  db: Db;
  sessions: SessionResolver;
}

export const peopleRoutes: FastifyPluginAsyncZod<PeopleRoutesOptions> = async (app, { db, sessions }) => {
  app.addHook('onRequest', sessions.requireActor);
  const tags = ['users'];
  const security = [{ sessionCookie: [] }];

  app.get(
    '/users/me',
    {
      schema: {
        tags,
        security,
        summary: 'Who am I: the user, their organization and role',
        response: { 200: meSchema, 401: problemSchema },
      },
    },
    async (request) => getMe(db, actorOf(request)),
  );

  app.patch(
    '/users/me',
    {
      schema: {
        tags,
        security,
        summary: 'Edit my own profile (names, job, phone, bio, language); email, role, organization and status are not editable here',
        body: updateMeBodySchema,
        response: { 200: meSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => updateMe(db, actorOf(request), request.body),
  );

  app.get(
    '/users/me/sessions',
    { schema: { tags, security, summary: 'My active sessions (devices)', response: { 200: sessionListSchema, 401: problemSchema } } },
    async (request) => ({ items: await listMySessions(db, actorOf(request)) }),
  );

  app.delete(
    '/users/me/sessions/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Revokes one of my sessions (signs that device out)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await revokeMySession(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  const userParams = z.object({ id: z.uuid() });

  app.get(
    '/users',
    {
      schema: {
        tags,
        security,
        summary: "My organization's members (organization admins): search on name or email, filter by role, status and department",
        // Inlined (not a $ref to the named component): Swagger cannot turn a referenced querystring into parameters.
        querystring: z.object(memberListQuerySchema.shape),
        response: { 200: memberPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => listMembers(db, actorOf(request), request.query),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        security,
        summary:
          "A user's profile: colleagues see contact details, role and status; others the public card; removed users show as a former member",
        params: userParams,
        response: { 200: userProfileSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => getUserProfile(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        security,
        summary: "Change a member's role, status (active/inactive) or job fields (organization admins). Deactivating ends their sessions",
        params: userParams,
        body: updateMemberBodySchema,
        response: { 200: memberSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => updateMember(db, actorOf(request), request.params.id, request.body),
  );
};
