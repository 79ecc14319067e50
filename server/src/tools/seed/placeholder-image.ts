import { createHash } from 'node:crypto';
import sharp from 'sharp';

/** Side of the generated placeholders, in pixels (they fit the 512×512 box uploads are re-encoded to). */
export const PLACEHOLDER_SIZE = 256;

export interface PlaceholderInput {
  /** Two Latin capitals, drawn in white (see initialsOf). */
  initials: string;
  /** What the colour and the fallback mark are derived from: the same name always gives the same image. */
  seed: string;
  /** A disc on a transparent background (avatars) instead of a filled square (logos). */
  round?: boolean;
  /** Draw the initials; by default only when this machine can render text (see canRenderText). */
  withText?: boolean;
}

/**
 * Two Latin capitals for a name: the first letters of its first two words, skipping the Arabic
 * article ("Al-Kharj Pharmaceutical" gives KP, "Faisal Al-Otaibi" gives FO) and words without Latin
 * letters ("&"); a one-word name gives its first two letters ("Platform" gives PL).
 */
export function initialsOf(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/^al-/i, '').replace(/[^A-Za-z]/g, ''))
    .filter((word) => word.length > 0);
  const [first = '', second] = words;
  const letters = second ? `${first.charAt(0)}${second.charAt(0)}` : first.slice(0, 2);
  return (letters || 'XX').padEnd(2, 'X').toUpperCase();
}

function hashOf(seed: string): Buffer {
  return createHash('sha256').update(seed, 'utf8').digest();
}

/** A colour from the name's hash: any hue, saturated and dark enough for white initials to stand out. */
export function colourOf(seed: string): string {
  const hash = hashOf(seed);
  const hue = hash.readUInt16BE(0) % 360;
  const saturation = 0.45 + (hash[2]! % 20) / 100;
  const lightness = 0.32 + (hash[3]! % 10) / 100;
  return hslToHex(hue, saturation, lightness);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return `#${[r, g, b]
    .map((v) =>
      Math.round((v + m) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const TEXT_STYLE = 'font-family="sans-serif" font-weight="700" fill="#ffffff" text-anchor="middle" dominant-baseline="central"';

function initialsSvg(initials: string, size: number): string {
  const safe = initials.replace(/[^A-Z]/g, '').slice(0, 2);
  return `<text x="${size / 2}" y="${size / 2}" font-size="${Math.round(size * 0.42)}" ${TEXT_STYLE}>${safe}</text>`;
}

/** When no text can be drawn: a white ring with a dot, placed and sized by the name's hash. */
function geometricMarkSvg(seed: string, size: number): string {
  const hash = hashOf(`${seed}#mark`);
  const centre = size / 2;
  const ring = size * (0.22 + (hash[0]! % 8) / 100);
  const angle = ((hash[1]! % 360) * Math.PI) / 180;
  const dot = size * 0.07;
  const dx = centre + Math.cos(angle) * ring;
  const dy = centre + Math.sin(angle) * ring;
  const stroke = Math.round(size * 0.06);
  return (
    `<circle cx="${centre}" cy="${centre}" r="${ring.toFixed(1)}" fill="none" stroke="#ffffff" stroke-width="${stroke}"/>` +
    `<circle cx="${dx.toFixed(1)}" cy="${dy.toFixed(1)}" r="${(dot * 1.6).toFixed(1)}" fill="#ffffff"/>` +
    `<circle cx="${centre}" cy="${centre}" r="${dot.toFixed(1)}" fill="#ffffff" fill-opacity="0.7"/>`
  );
}

export function placeholderSvg(input: PlaceholderInput & { withText: boolean }, size = PLACEHOLDER_SIZE): string {
  const colour = colourOf(input.seed);
  const background = input.round
    ? `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}" fill="${colour}"/>`
    : `<rect width="${size}" height="${size}" fill="${colour}"/>`;
  const mark = input.withText ? initialsSvg(input.initials, size) : geometricMarkSvg(input.seed, size);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${background}${mark}</svg>`;
}

let textProbe: Promise<boolean> | undefined;

/**
 * Whether sharp (librsvg with its fonts) draws text here: white letters on a transparent canvas must
 * leave visible pixels. A machine without any font draws nothing, or fails; the answer is kept.
 */
export function canRenderText(): Promise<boolean> {
  textProbe ??= (async () => {
    try {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">${initialsSvg('AB', 64)}</svg>`;
      const { channels } = await sharp(Buffer.from(svg)).ensureAlpha().stats();
      return (channels[3]?.max ?? 0) > 0;
    } catch {
      return false;
    }
  })();
  return textProbe;
}

/** A PLACEHOLDER_SIZE-square PNG: the initials (or, without text rendering, a geometric mark) on the name's colour. */
export async function renderPlaceholder(input: PlaceholderInput): Promise<Buffer> {
  const withText = input.withText ?? (await canRenderText());
  return sharp(Buffer.from(placeholderSvg({ ...input, withText })))
    .png()
    .toBuffer();
}
