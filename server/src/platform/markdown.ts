import { MENTION_PATTERN } from '@p2p/contracts';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → safe HTML, the one renderer of forum content (and the composer's preview). Raw HTML in
 * the source is not interpreted (markdown-it with html: false escapes it); markdown-it refuses
 * javascript:, vbscript:, file: and data: links; sanitize-html then keeps only the tags and
 * attributes listed below, as a second line, so even a renderer bug cannot let a script, an event
 * handler or a foreign scheme through. Links get rel="nofollow noopener".
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    code: ['class'],
  },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedClasses: { a: ['mention'], code: [/^language-[a-z0-9-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener' } }),
  },
};

/** `@[Name](user-id)` becomes a link to the person's card, marked as a mention. */
function linkMentions(source: string): string {
  return source.replace(MENTION_PATTERN, (_all, name: string, id: string) => `[@${name.replace(/[[\]\\]/g, '')}](/users/${id} "mention")`);
}

export function renderMarkdown(source: string): string {
  const html = markdown.render(linkMentions(source));
  // Mention links carry title="mention"; turn that into the class the web app styles.
  return sanitizeHtml(html.replace(/<a href="(\/users\/[0-9a-f-]{36})" title="mention">/g, '<a href="$1" class="mention">'), SANITIZE);
}

/** The ids of the people a text mentions, once each. */
export function mentionedUserIds(source: string): string[] {
  return [...new Set([...source.matchAll(MENTION_PATTERN)].map((match) => match[2]!))];
}

/** Markdown reduced to readable plain text (mentions as @Name, links as their text), for excerpts. */
export function plainText(source: string): string {
  return source
    .replace(MENTION_PATTERN, (_all, name: string) => `@${name}`)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/```[a-z0-9-]*\n?/gi, '')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function excerptOf(source: string, max = 240): string {
  const text = plainText(source);
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
