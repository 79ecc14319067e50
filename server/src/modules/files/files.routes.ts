import { Readable } from 'node:stream';
import { fileSchema, problemSchema } from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type SessionResolver, actorOf } from '../../platform/actor.js';
import { downloadHeaders } from './files.download.js';
import { type FilesContext, deleteFile, getReadableFile, openFileBytes, uploadFile } from './files.service.js';
import { receiveUpload, uploadBodySchema } from './files.upload.js';

export interface FilesRoutesOptions {
  files: FilesContext;
  sessions: SessionResolver;
}

const idParams = z.object({ id: z.uuid() });

export const filesRoutes: FastifyPluginAsyncZod<FilesRoutesOptions> = async (app, { files, sessions }) => {
  const tags = ['files'];
  const security = [{ sessionCookie: [] }];

  app.post(
    '/files',
    {
      onRequest: sessions.requireActor,
      schema: {
        tags,
        security,
        summary: "Upload a file (multipart/form-data: `purpose`, then one `file`); it counts against the organization's storage quota",
        description:
          'The type is decided from the bytes. Avatars and logos: PNG, JPEG or WebP up to 5 MB, re-encoded without metadata to fit 512×512. Attachments: images, PDF and Office documents up to 25 MB, stored as sent.',
        consumes: ['multipart/form-data'],
        body: uploadBodySchema,
        response: { 201: fileSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const upload = await receiveUpload(request, reply);
      return reply.status(201).send(await uploadFile(files, actorOf(request), upload));
    },
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags,
        security: [{}, { sessionCookie: [] }],
        summary: 'Download a file: avatars and logos for anyone; attachments for members of the owning organization',
        params: idParams,
        response: {
          200: {
            description: 'The bytes, with their stored content type',
            content: {
              '*/*': { schema: z.custom<Readable>((value) => value instanceof Readable).meta({ type: 'string', format: 'binary' }) },
            },
          },
          304: z.null().meta({ description: 'Not modified (If-None-Match matched the ETag)' }),
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = await sessions.resolve(request, reply);
      const file = await getReadableFile(files, actor, request.params.id);
      const headers = downloadHeaders(file);
      void reply.headers(headers);
      if (request.headers['if-none-match'] === headers.etag) return reply.status(304).send(null);
      const body = await openFileBytes(files, file);
      return reply.type(file.contentType).header('content-length', file.sizeBytes).send(body);
    },
  );

  app.delete(
    '/files/:id',
    {
      onRequest: sessions.requireActor,
      schema: {
        tags,
        security,
        summary: 'Delete a file (its uploader or an admin of its organization); frees its storage',
        params: idParams,
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteFile(files, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
