import { fileSchema, problemSchema } from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type SessionResolver, actorOf } from '../../platform/actor.js';
import type { FilesContext } from './files.service.js';
import { profileImageBodySchema, receiveUpload } from './files.upload.js';
import { clearMyAvatar, clearMyOrganizationLogo, setMyAvatar, setMyOrganizationLogo } from './profile-images.service.js';

export interface ProfileImagesRoutesOptions {
  files: FilesContext;
  sessions: SessionResolver;
}

/** POST|DELETE /users/me/avatar and /organizations/me/logo: upload, point the profile at it, drop the previous one. */
export const profileImagesRoutes: FastifyPluginAsyncZod<ProfileImagesRoutesOptions> = async (app, { files, sessions }) => {
  app.addHook('onRequest', sessions.requireActor);
  const security = [{ sessionCookie: [] }];
  const uploadResponses = {
    200: fileSchema,
    400: problemSchema,
    401: problemSchema,
    403: problemSchema,
    413: problemSchema,
    415: problemSchema,
  };
  const clearResponses = { 204: z.null(), 401: problemSchema, 403: problemSchema };

  app.post(
    '/users/me/avatar',
    {
      schema: {
        tags: ['users'],
        security,
        summary: 'Set my avatar (multipart/form-data, one `file` part); replaces and deletes the previous one',
        consumes: ['multipart/form-data'],
        body: profileImageBodySchema,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const { originalName, bytes } = await receiveUpload(request, reply, 'avatar');
      return setMyAvatar(files, actorOf(request), { originalName, bytes });
    },
  );

  app.delete(
    '/users/me/avatar',
    {
      schema: {
        tags: ['users'],
        security,
        summary: 'Remove my avatar (its file is deleted and its storage freed)',
        response: clearResponses,
      },
    },
    async (request, reply) => {
      await clearMyAvatar(files, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/organizations/me/logo',
    {
      schema: {
        tags: ['organizations'],
        security,
        summary:
          "Set my organization's logo (organization admins; multipart/form-data, one `file` part); replaces and deletes the previous one",
        consumes: ['multipart/form-data'],
        body: profileImageBodySchema,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const { originalName, bytes } = await receiveUpload(request, reply, 'logo');
      return setMyOrganizationLogo(files, actorOf(request), { originalName, bytes });
    },
  );

  app.delete(
    '/organizations/me/logo',
    {
      schema: {
        tags: ['organizations'],
        security,
        summary: "Remove my organization's logo (organization admins)",
        response: clearResponses,
      },
    },
    async (request, reply) => {
      await clearMyOrganizationLogo(files, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
