import { z } from 'zod';
import { FILE_PURPOSES } from './enums.js';

export const MB = 1024 * 1024;

/** Per purpose: what may be uploaded (decided from the bytes) and how big it may be. */
export const FILE_RULES = {
  avatar: { maxBytes: 5 * MB, types: ['image/png', 'image/jpeg', 'image/webp'] },
  logo: { maxBytes: 5 * MB, types: ['image/png', 'image/jpeg', 'image/webp'] },
  attachment: {
    maxBytes: 25 * MB,
    types: [
      'image/png',
      'image/jpeg',
      'image/webp',
      'image/gif',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-powerpoint',
    ],
  },
} as const satisfies Record<(typeof FILE_PURPOSES)[number], { maxBytes: number; types: readonly string[] }>;

export const fileSchema = z
  .object({
    id: z.uuid(),
    purpose: z.enum(FILE_PURPOSES),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    originalName: z.string().nullable(),
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'File' });
export type StoredFile = z.infer<typeof fileSchema>;
