/** File names and download headers of the exports. */

export const LIST_EXTENSIONS = { json: 'json', csv: 'csv', xlsx: 'xlsx', pdf: 'pdf' } as const;
export const SINGLE_EXTENSIONS = { json: 'json', md: 'md', pdf: 'pdf' } as const;

/** `use-cases-2025-03-01.csv`: the day of the export, in UTC. */
export function listFileName(extension: string, now: Date): string {
  return `use-cases-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** The case's title as a file name: no path separators, quotes or control characters, at most 100 characters. */
export function singleFileName(title: string, id: string, extension: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*/:<>?\\|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return `${stem || `use-case-${id.slice(0, 8)}`}.${extension}`;
}

/** The ASCII stand-in for a name that is not ASCII: accents dropped, other letters to hyphens. */
function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  const ascii = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-. ]+|[-. ]+$/g, '');
  return `${ascii || 'use-case'}${extension}`;
}

/**
 * `attachment; filename="…"` with an ASCII name every client understands, plus RFC 5987's
 * `filename*=UTF-8''…` with the exact name when it is not plain ASCII (an Arabic title).
 */
export function attachmentDisposition(name: string): string {
  const plain = /^[\x20-\x7e]*$/.test(name) && !/["\\%]/.test(name);
  if (plain) return `attachment; filename="${name}"`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback(name).replace(/["\\%]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
