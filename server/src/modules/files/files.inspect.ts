import { createHash } from 'node:crypto';
import { FILE_RULES, type FilePurpose } from '@p2p/contracts';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { AppError } from '../../platform/errors.js';

/** Larger images are refused before decoding: a few kilobytes of PNG can declare gigabytes of pixels. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Avatars and logos are re-encoded to fit this box. */
export const PROFILE_IMAGE_BOX = { avatar: 512, logo: 512 } as const;

export interface InspectedFile {
  /** Decided from the bytes, never from the name or the declared type. */
  contentType: string;
  extension: string;
  /** What is stored: re-encoded for avatars and logos, the original otherwise. */
  bytes: Buffer;
  width: number | null;
  height: number | null;
  sha256: string;
}

interface DetectedType {
  mime: string;
  ext: string;
}

const SHARP_FORMAT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** Decides what an upload is, refuses what the purpose does not allow, and prepares the bytes to store. */
export async function inspectUpload(purpose: FilePurpose, input: Buffer): Promise<InspectedFile> {
  if (input.length === 0) throw new AppError('FILE_INVALID', 'The file is empty');
  const detected = await detectType(input);
  if (!detected) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The type of this file could not be recognised from its contents');
  const allowed: readonly string[] = FILE_RULES[purpose].types;
  if (!allowed.includes(detected.mime))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${detected.mime} files are not accepted as ${purpose}`);

  if (purpose === 'avatar' || purpose === 'logo') return reencodeProfileImage(input, detected, PROFILE_IMAGE_BOX[purpose]);
  if (detected.mime in SHARP_FORMAT) {
    const { width, height } = await checkDecodable(input, detected);
    return { contentType: detected.mime, extension: detected.ext, bytes: input, width, height, sha256: sha256Of(input) };
  }
  return { contentType: detected.mime, extension: detected.ext, bytes: input, width: null, height: null, sha256: sha256Of(input) };
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function detectType(input: Buffer): Promise<DetectedType | undefined> {
  const found = await fileTypeFromBuffer(input);
  if (found?.mime === 'application/x-cfb') return classifyCompoundFile(input);
  return found ? { mime: found.mime, ext: found.ext } : undefined;
}

const decodeOptions: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' };

/** Auto-rotates, drops every piece of metadata (EXIF, GPS, XMP, comments) and fits the box. */
async function reencodeProfileImage(input: Buffer, detected: DetectedType, box: number): Promise<InspectedFile> {
  await assertFormat(input, detected);
  try {
    const pipeline = sharp(input, { ...decodeOptions, autoOrient: true }).resize(box, box, { fit: 'inside', withoutEnlargement: true });
    // PNG stays lossless (logos, transparency); photos become WebP.
    const isPng = detected.mime === 'image/png';
    const encoded = isPng ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      contentType: isPng ? 'image/png' : 'image/webp',
      extension: isPng ? 'png' : 'webp',
      bytes: data,
      width: info.width,
      height: info.height,
      sha256: sha256Of(data),
    };
  } catch (error) {
    throw imageError(error);
  }
}

/** Decodes the whole image (into a tiny thumbnail that is thrown away) so a damaged file is refused now. */
async function checkDecodable(input: Buffer, detected: DetectedType): Promise<{ width: number; height: number }> {
  const metadata = await assertFormat(input, detected);
  try {
    await sharp(input, decodeOptions).resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch (error) {
    throw imageError(error);
  }
  return { width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}

async function assertFormat(input: Buffer, detected: DetectedType): Promise<Metadata> {
  try {
    const metadata = await sharp(input, decodeOptions).metadata();
    if (metadata.format !== SHARP_FORMAT[detected.mime])
      throw new AppError('FILE_INVALID', 'The image is damaged or not what it appears to be');
    return metadata;
  } catch (error) {
    throw imageError(error);
  }
}

function imageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new AppError('FILE_INVALID', `The image has too many pixels (more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels)`);
  }
  return new AppError('FILE_INVALID', 'The image is damaged or incomplete');
}

/**
 * Legacy Office files (.doc, .xls, .ppt) are Compound File Binary containers; which one it is shows in
 * the names of its streams. Directory entries are 128-byte slots aligned to sectors, so every slot is
 * checked for a stream entry with a telling name. Word is checked first: a Word file may embed a
 * workbook, the reverse is rare.
 */
const COMPOUND_FILE_STREAMS: Array<{ names: string[]; mime: string; ext: string }> = [
  { names: ['WordDocument'], mime: 'application/msword', ext: 'doc' },
  { names: ['PowerPoint Document'], mime: 'application/vnd.ms-powerpoint', ext: 'ppt' },
  { names: ['Workbook', 'Book'], mime: 'application/vnd.ms-excel', ext: 'xls' },
];

export function classifyCompoundFile(bytes: Buffer): DetectedType | undefined {
  if (bytes.length < 512) return undefined;
  const sectorShift = bytes.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const streams = new Set<string>();
  for (let offset = 1 << sectorShift; offset + 128 <= bytes.length; offset += 128) {
    const nameLength = bytes.readUInt16LE(offset + 64);
    const isStream = bytes[offset + 66] === 2;
    if (!isStream || nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0) continue;
    streams.add(bytes.toString('utf16le', offset, offset + nameLength - 2));
  }
  const match = COMPOUND_FILE_STREAMS.find((candidate) => candidate.names.some((name) => streams.has(name)));
  return match ? { mime: match.mime, ext: match.ext } : undefined;
}
