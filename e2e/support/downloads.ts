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

/** The text of a PDF as Debian's `pdftotext` (poppler-utils) extracts it, in UTF-8. */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** A regular expression that matches `word` only as a whole word (not inside a longer one), Arabic included. */
export function wholeWord(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'u');
}
