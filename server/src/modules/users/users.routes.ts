import { meSchema, problemSchema, sessionListSchema, updateMeBodySchema } from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { actorOf, type SessionResolver } from '../auth/session.js';
import { getMe, listMySessions, revokeMySession, updateMe } from './users.service.js';

export interface UsersRoutesOptions {
  db: Db;
  sessions: SessionResolver;
}

export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesOptions> = async (app, { db, sessions }) => {
  app.addHook('preHandler', sessions.requireActor);
  const tags = ['users'];
  const security = [{ sessionCookie: [] }];

  app.get(
    '/users/me',
    { schema: { tags, security, summary: 'Who am I: the user, their organization and role', response: { 200: meSchema, 401: problemSchema } } },
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
};
