/** How many characters after `@` a mention search looks at (a first and a last name). */
const MAX_QUERY = 40;

export interface MentionQuery {
  /** Where the `@` is. */
  start: number;
  /** What was typed after it, up to the caret. */
  query: string;
}

/**
 * The mention being typed at the caret: an `@` at the start or after a space, followed by at most two
 * words on the same line. Null when the caret is not in one (or it is already a written mention).
 */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && !/[\s([{"'«]/.test(before.charAt(at - 1))) return null;
  const query = before.slice(at + 1);
  if (/[\n[\]()@]/.test(query) || /^\s/.test(query) || /\s\S*\s/.test(query)) return null;
  return { start: at, query };
}

/** The text of a mention as the server reads it: `@[Full Name](user-id)`. */
export function mentionMarkdown(person: { id: string; name: string }): string {
  const name = person.name
    .replace(/[[\]\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `@[${name}](${person.id})`;
}

/** Replaces the typed `@query` with the mention and a space; returns the new text and where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  person: { id: string; name: string },
): { text: string; caret: number } {
  const inserted = `${mentionMarkdown(person)} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}
