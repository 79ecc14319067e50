import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

export interface DownloadedFile {
  /** The name the browser would save it under (from Content-Disposition or the link). */
  fileName: string;
  /** Where Playwright stored it; removed with the browser context. */
  path: string;
  bytes: Buffer;
}

/** Runs `trigger` (a click on a download link, say) and returns the file the browser downloaded. */
export async function captureDownload(page: Page, trigger: () => Promise<void>): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const failure = await download.failure();
  if (failure) throw new Error(`the download of ${download.url()} failed: ${failure}`);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), path, bytes: await readFile(path) };
}

// pdftotext wraps right-to-left runs in embedding marks (U+202B … U+202C); they are not part of the words.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text of a PDF as Debian's `pdftotext` (poppler-utils) extracts it (`-enc UTF-8`), without the
 * bidi embedding marks it adds around right-to-left runs.
 */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout.replace(BIDI_CONTROLS, '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_IN_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_IN_WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/** A regular expression that matches `word` only as a whole word (not inside a longer one), Arabic included. */
export function wholeWord(word: string): RegExp {
  return new RegExp(`${NOT_IN_WORD_BEFORE}${escape(word)}${NOT_IN_WORD_AFTER}`, 'u');
}

/**
 * The words of `phrase`, whole and in reading order, with at most `between` other words between two of
 * them: a table cell of a PDF wraps a long title over lines, and text extraction may put a neighbouring
 * cell's words between those lines.
 */
export function wordsInOrder(phrase: string, between = 6): RegExp {
  const words = phrase.split(/\s+/).filter(Boolean).map(escape);
  return new RegExp(`${NOT_IN_WORD_BEFORE}${words.join(`\\s+(?:\\S+\\s+){0,${between}}?`)}${NOT_IN_WORD_AFTER}`, 'u');
}
