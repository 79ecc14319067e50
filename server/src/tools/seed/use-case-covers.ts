import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import {
  type FileStorage,
  type FilesContext,
  StoredObjectMissingError,
  files,
  inspectUpload,
  storeFile,
} from '../../modules/files/index.js';
import { useCaseFiles } from '../../modules/use-cases/index.js';
import { DEMO_USE_CASES } from './demo-data/use-cases.js';
import type { ProgressListener } from './lookup.js';
import { findDemoUseCases } from './use-cases.js';
import { colourOf } from './placeholder-image.js';

/** The cases that get a generated cover image. */
export const DEMO_COVER_TITLES: readonly string[] = DEMO_USE_CASES.filter((demo) => demo.cover).map((demo) => demo.title);

/** A 16:9 cover, wide enough for a case card and the case page's header. */
export const COVER_WIDTH = 960;
export const COVER_HEIGHT = 540;

/**
 * A generated cover: a diagonal gradient in the title's colour with a few translucent rings and bars
 * placed by the title's hash. No text, so it renders the same on machines without fonts.
 */
export async function renderCover(seed: string): Promise<Buffer> {
  const hash = createHash('sha256').update(seed, 'utf8').digest();
  const from = colourOf(seed);
  const to = colourOf(`${seed}#2`);
  const rings = [0, 1, 2]
    .map((i) => {
      const cx = (hash[4 + i]! / 255) * COVER_WIDTH;
      const cy = (hash[8 + i]! / 255) * COVER_HEIGHT;
      const r = 60 + (hash[12 + i]! % 160);
      return `<circle cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" r="${r}" fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="${10 + (hash[16 + i]! % 20)}"/>`;
    })
    .join('');
  const bars = [0, 1, 2, 3, 4]
    .map((i) => {
      const height = 40 + (hash[20 + i]! % 200);
      return `<rect x="${80 + i * 70}" y="${COVER_HEIGHT - 60 - height}" width="44" height="${height}" rx="6" fill="#ffffff" fill-opacity="0.22"/>`;
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="url(#g)"/>${rings}${bars}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Thrown inside the upload's transaction when the case got an image meanwhile: rolls the upload back. */
class AlreadyHasImage extends Error {}

export interface CoversResult {
  created: number;
  existing: number;
  /** Why a cover could not be added (a full storage quota), one line each. */
  skipped: string[];
}

async function firstImages(db: DbOrTx, useCaseIds: string[]): Promise<Map<string, string>> {
  if (useCaseIds.length === 0) return new Map();
  const rows = await db
    .select({ useCaseId: useCaseFiles.useCaseId, fileId: useCaseFiles.fileId })
    .from(useCaseFiles)
    .where(and(inArray(useCaseFiles.useCaseId, useCaseIds), eq(useCaseFiles.kind, 'image')))
    .orderBy(useCaseFiles.position);
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(row.useCaseId)) first.set(row.useCaseId, row.fileId);
  return first;
}

/**
 * A cover for each chosen demo case that has no image, stored as an upload is (an attachment of the
 * case's organization by its author, counted against the quota) and linked as the case's first image
 * in the same transaction. A case that has an image keeps it.
 */
export async function seedUseCaseCovers(ctx: FilesContext, onProgress: ProgressListener): Promise<CoversResult> {
  const label = 'Use case images';
  const cases = (await findDemoUseCases(ctx.db)).filter((row) => DEMO_COVER_TITLES.includes(row.title));
  const images = await firstImages(
    ctx.db,
    cases.map((row) => row.id),
  );
  const result: CoversResult = { created: 0, existing: 0, skipped: [] };
  for (const [index, row] of cases.entries()) {
    if (images.has(row.id)) {
      result.existing += 1;
    } else {
      try {
        const inspected = await inspectUpload('attachment', await renderCover(row.title));
        const originalName = `cover-${createHash('sha256').update(row.title).digest('hex').slice(0, 8)}.png`;
        await storeFile(
          ctx,
          { organizationId: row.organizationId, uploaderId: row.authorId, purpose: 'attachment', originalName, inspected },
          async (tx, file) => {
            // storeFile has locked the organization row; a case's images change under the same lock.
            if ((await firstImages(tx, [row.id])).size > 0) throw new AlreadyHasImage();
            await tx.insert(useCaseFiles).values({ useCaseId: row.id, fileId: file.id, kind: 'image', position: 0 });
          },
        );
        result.created += 1;
      } catch (error) {
        if (error instanceof AlreadyHasImage) result.existing += 1;
        else if (error instanceof AppError && error.code === 'STORAGE_QUOTA_EXCEEDED')
          result.skipped.push(`no image for the use case "${row.title}": ${error.message}`);
        else throw error;
      }
    }
    onProgress({ label, done: index + 1, total: cases.length });
  }
  return result;
}

/** The chosen demo cases whose first image is a live file (with its bytes, when a storage is given). */
export async function checkDemoCovers(db: DbOrTx, storage?: FileStorage): Promise<{ covers: number; problems: string[] }> {
  const cases = (await findDemoUseCases(db)).filter((row) => DEMO_COVER_TITLES.includes(row.title));
  const images = await firstImages(
    db,
    cases.map((row) => row.id),
  );
  const ids = [...images.values()];
  const live =
    ids.length === 0
      ? []
      : await db
          .select({ id: files.id, storageKey: files.storageKey })
          .from(files)
          .where(and(inArray(files.id, ids), isNull(files.deletedAt)));
  const problems: string[] = [];
  let covers = 0;
  for (const row of cases) {
    const file = live.find((f) => f.id === images.get(row.id));
    if (!file) problems.push(`the use case "${row.title}" has no image`);
    else if (storage && !(await bytesPresent(storage, file.storageKey)))
      problems.push(`the image of the use case "${row.title}" has no bytes in storage (${file.storageKey})`);
    else covers += 1;
  }
  return { covers, problems };
}

async function bytesPresent(storage: FileStorage, key: string): Promise<boolean> {
  try {
    (await storage.get(key)).destroy();
    return true;
  } catch (error) {
    if (error instanceof StoredObjectMissingError) return false;
    throw error;
  }
}
