import type { Readable } from 'node:stream';
import { FILE_PURPOSES, FILE_RULES, type FilePurpose } from '@p2p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';

/** The largest file any purpose accepts; a body never needs more. */
export const MAX_UPLOAD_BYTES = Math.max(...FILE_PURPOSES.map((purpose) => FILE_RULES[purpose].maxBytes));

export interface ReceivedUpload {
  purpose: FilePurpose;
  originalName: string | null;
  bytes: Buffer;
}

/**
 * How the multipart bodies look in the OpenAPI document. The plugin reads them as streams, so there is
 * no parsed body to validate here: receiveUpload checks the same fields and answers the same way.
 */
function documentedMultipart(fields: z.ZodObject): z.ZodType<unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(fields, { io: 'input' });
  return z.unknown().meta(jsonSchema);
}

export const uploadBodySchema = documentedMultipart(
  z.object({
    purpose: z.enum(FILE_PURPOSES).describe('What the file is for; decides the allowed types and the size limit. Send it before the file.'),
    file: z.file().describe('The file itself (one part). Its type is decided from its bytes, not from its name or declared type.'),
  }),
);

export const profileImageBodySchema = documentedMultipart(
  z.object({
    file: z.file().describe('A PNG, JPEG or WebP image up to 5 MB; it is re-encoded, stripped of metadata and resized to fit 512×512.'),
  }),
);

const purposeSchema = z.enum(FILE_PURPOSES);

/**
 * Reads a multipart upload: a `purpose` field (unless the route implies one) and exactly one `file`
 * part, held in memory up to the purpose's size limit and no further. When it refuses a body that is
 * still arriving, the connection is closed after the answer rather than kept busy with the rest.
 */
export async function receiveUpload(request: FastifyRequest, reply: FastifyReply, impliedPurpose?: FilePurpose): Promise<ReceivedUpload> {
  try {
    return await readUpload(request, impliedPurpose);
  } catch (error) {
    if (!request.raw.complete) void reply.header('connection', 'close');
    throw error;
  }
}

async function readUpload(request: FastifyRequest, impliedPurpose: FilePurpose | undefined): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  const ceiling = impliedPurpose ? FILE_RULES[impliedPurpose].maxBytes : MAX_UPLOAD_BYTES;
  let declaredPurpose: unknown = impliedPurpose;
  let file: { originalName: string | null; bytes: Buffer } | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: ceiling, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'purpose' && !impliedPurpose) declaredPurpose = part.value;
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw fieldError('file', 'The file must be sent in a part named "file"');
      }
      const known = purposeSchema.safeParse(declaredPurpose);
      const limit = known.success ? FILE_RULES[known.data].maxBytes : ceiling;
      file = { originalName: cleanFileName(part.filename), bytes: await readAtMost(part.file, limit) };
    }
  } catch (error) {
    throw multipartError(error);
  }
  const purpose = purposeSchema.safeParse(declaredPurpose);
  if (!purpose.success) throw fieldError('purpose', `purpose must be one of ${FILE_PURPOSES.join(', ')}`);
  if (!file) throw fieldError('file', 'Send one file in a part named "file"');
  if (file.bytes.length > FILE_RULES[purpose.data].maxBytes) throw tooLarge(purpose.data);
  return { purpose: purpose.data, ...file };
}

/** Reads the stream into memory, refusing it as soon as it goes over `limit` bytes. */
async function readAtMost(stream: Readable & { truncated?: boolean }, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${formatMegabytes(limit)}`);
    chunks.push(chunk as Buffer);
  }
  // busboy stops a file at the plugin's limit and flags it; what was cut off was over the limit.
  if (stream.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${formatMegabytes(limit)}`);
  return Buffer.concat(chunks, total);
}

function tooLarge(purpose: FilePurpose): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `A file for ${purpose} may be at most ${formatMegabytes(FILE_RULES[purpose].maxBytes)}`);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The upload is not valid', [{ path, message, code: 'invalid_upload' }]);
}

/** The multipart plugin's errors as problems: too large is 413, any other malformed body is 400. */
function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', 'The file is too large');
  if (code === 'FST_FILES_LIMIT') return fieldError('file', 'Send exactly one file');
  if (typeof code === 'string' && code.startsWith('FST_')) return new AppError('VALIDATION_FAILED', 'The multipart body is not valid');
  if (error instanceof Error && /multipart|boundary|terminated early|unexpected end/i.test(error.message)) {
    return new AppError('VALIDATION_FAILED', 'The multipart body is not valid');
  }
  return error;
}

/** The longest name kept, in characters (code points), extension included. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * Characters that change how a name looks without being seen: C0 and C1 controls, and format
 * characters — bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks
 * U+200E, U+200F and U+061C, zero-width characters (U+200B–U+200D, U+2060, U+FEFF), soft hyphens,
 * invisible operators, tags. `invoice\u202Efdp.exe` shows as "invoiceexe.pdf" and is an .exe. The Arabic
 * signs that are format characters but print (U+0600–U+0605, U+06DD, U+08E2) stay, as do all letters.
 */
const INVISIBLE = /(?![\u0600-\u0605\u06dd\u08e2])[\p{Cc}\p{Cf}]/gu;
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

/**
 * The client's file name for display and for the download's suggested name: no directories, no
 * invisible or control characters, NFC, runs of white space as one space, at most 200 characters
 * (the extension kept). A name that cleans to nothing becomes `file` (with its extension). Null only
 * when no name was sent. Never used to store the file. Cleaning a clean name changes nothing.
 */
export function cleanFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  const extension = EXTENSION.exec(cleaned)?.[0] ?? '';
  let stem = cleaned.slice(0, cleaned.length - extension.length).trim();
  if (stem === '' || /^\.+$/.test(stem)) stem = 'file';
  const room = MAX_FILE_NAME_LENGTH - [...extension].length;
  const bounded = [...stem].slice(0, room).join('').trim();
  return `${bounded}${extension}`;
}
