import type { UseCase } from '@p2p/contracts';
import { CASE_SECTIONS, caseDetails, caseFigures, caseLocation, caseTerms, companyLine } from './case-facts.js';
import { type SingleExportMeta, singleMetaLines } from './export-meta.js';

export const MARKDOWN_MIME = 'text/markdown; charset=utf-8';

/** Text for one line of Markdown: line breaks folded, characters that would start markup escaped. */
function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** A table cell: as `inline`, which already escapes the pipe that would end the cell. */
const cell = inline;

/**
 * The case's own Markdown, with its headings moved two levels down so that they nest under the
 * section heading; fenced code is left alone.
 */
function nestedSection(source: string): string {
  let inFence = false;
  return source
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      return line.replace(
        /^(\s{0,3})(#{1,4})(\s)/,
        (_all, indent: string, hashes: string, space: string) => `${indent}${hashes}##${space}`,
      );
    })
    .join('\n');
}

const bullets = (pairs: ReadonlyArray<readonly [string, string]>) =>
  pairs.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`);

/** One case as a Markdown document: header, company, details, summary, figures, the three sections, terms and location. */
export function renderMarkdown(meta: SingleExportMeta, useCase: UseCase): string {
  const lines: string[] = [`# ${inline(useCase.title)}`, ''];
  if (useCase.titleAr) lines.push(`## ${inline(useCase.titleAr)}`, '');
  lines.push(
    `> ${singleMetaLines(meta)
      .map(([label, value]) => `${label}: ${inline(value)}`)
      .join(' · ')}`,
    '',
  );
  lines.push(`**Company:** ${inline(companyLine(useCase))}`, '');
  lines.push(...bullets(caseDetails(useCase)), `- **Link:** <${meta.url}>`, '');

  lines.push('## Summary', '', inline(useCase.summary), '');
  if (useCase.summaryAr) lines.push(inline(useCase.summaryAr), '');

  lines.push('## Figures', '');
  const figures = caseFigures(useCase);
  if (figures.length === 0) lines.push('No figures reported.', '');
  else lines.push('| Measure | Value |', '| --- | ---: |', ...figures.map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`), '');

  for (const [heading, key] of CASE_SECTIONS) {
    const source = useCase[key].trim();
    if (source) lines.push(`## ${heading}`, '', nestedSection(source), '');
  }

  const terms = caseTerms(useCase);
  if (terms.length > 0) lines.push('## Technologies', '', ...bullets(terms), '');
  lines.push('## Location', '', ...bullets(caseLocation(useCase)), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
