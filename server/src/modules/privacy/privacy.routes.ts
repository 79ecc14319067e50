import { deleteAccountBodySchema, personalDataExportSchema, problemSchema } from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, type SessionResolver } from '../../platform/actor.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import type { Auth } from '../auth/index.js';
import { createFileStorage, type FilesContext } from '../files/index.js';
import { deleteMyAccount, exportMyData, removeMember } from './privacy.service.js';

export interface PrivacyRoutesOptions {
  db: Db;
  sessions: SessionResolver;
  auth: Auth;
  config: Pick<Config, 'dataDir' | 's3'>;
}

/** The session cookies the auth library sets (cookie prefix "p2p"): cleared once the account is gone. */
const SESSION_COOKIES = ['p2p.session_token', 'p2p.session_data', 'p2p.dont_remember'];

/** A person's rights over their data: download it, delete the account; an admin's removal of a member erases the same way. */
export const privacyRoutes: FastifyPluginAsyncZod<PrivacyRoutesOptions> = async (app, { db, sessions, auth, config }) => {
  // The same store the files module writes to: an erased person's picture is deleted from it.
  const storage = createFileStorage(config);
  app.addHook('onClose', async () => storage.close());
  const files: FilesContext = { db, storage, reportError: (error, message) => app.log.error({ err: error }, message) };
  const deps = { db, auth, files };
  const tags = ['users'];
  const security = [{ sessionCookie: [] }];
  const signedIn = { preHandler: sessions.requireActor };

  app.get(
    '/users/me/export',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          'Download everything kept about me as JSON (a file): profile, organization, sessions, files, invitations, forum and use-case activity',
        description: 'Other people appear only by id; never tokens or password hashes. At most 3 downloads an hour (429 with Retry-After).',
        response: { 200: personalDataExportSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const data = await exportMyData(db, actorOf(request));
      void reply
        .header('content-disposition', `attachment; filename="p2p-sandbox-my-data-${data.exportedAt.slice(0, 10)}.json"`)
        .header('cache-control', 'no-store');
      return data;
    },
  );

  app.delete(
    '/users/me',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          'Delete my account (needs my password): my name, email and profile are erased at once; what I wrote stays as a former member’s',
        description:
          'Sessions, credentials, likes (counters taken back), saved cases and searches, search history and my picture are deleted. ' +
          'The last admin of an organization with other members gets 409 LAST_ADMIN: make someone else an admin first.',
        body: deleteAccountBodySchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteMyAccount(deps, actorOf(request), request.body);
      void reply.header(
        'set-cookie',
        SESSION_COOKIES.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:id',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          "Remove a member (organization admins): their name, email and profile are erased and their sessions end; their content stays as a former member's",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await removeMember(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
