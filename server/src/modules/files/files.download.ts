import type { FileRow } from './files.repository.js';
import { cleanFileName } from './files.upload.js';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
};

/**
 * Response headers for a stored file. The browser must take the stored type as is (nosniff), show
 * only images inline, and keep the bytes to itself: caches are private because access is checked per
 * request; avatars and logos may be reused for a while, attachments are revalidated every time.
 */
export function downloadHeaders(file: Pick<FileRow, 'id' | 'purpose' | 'contentType' | 'originalName' | 'sha256'>): Record<string, string> {
  const isImage = file.contentType.startsWith('image/');
  return {
    'x-content-type-options': 'nosniff',
    'content-disposition': contentDisposition(isImage ? 'inline' : 'attachment', downloadName(file)),
    'cache-control': file.purpose === 'attachment' ? 'private, no-cache' : 'private, max-age=3600',
    etag: `"${file.sha256}"`,
    // Even if a browser rendered the bytes as a document, they could run nothing and reach nothing.
    'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  };
}

/** The client's name with the extension of what the file really is (a PNG named .pdf downloads as .png). */
export function downloadName(file: Pick<FileRow, 'id' | 'contentType' | 'originalName'>): string {
  const extension = EXTENSIONS[file.contentType] ?? 'bin';
  const stem = (cleanFileName(file.originalName) ?? '').replace(/\.[^.]*$/, '').trim() || `file-${file.id.slice(0, 8)}`;
  return `${stem}.${extension}`;
}

/** RFC 6266: an ASCII fallback without quotes or backslashes, and the exact name in UTF-8. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
