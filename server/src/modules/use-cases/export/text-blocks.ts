import MarkdownIt from 'markdown-it';

/** A block of a case section as the PDF draws it: plain text, no markup. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'code' | 'quote';
  text: string;
}

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });

function inlineText(token: Token): string {
  if (!token.children) return token.content;
  let text = '';
  for (const child of token.children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
    else if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'image') text += child.content || '[image]';
  }
  return text;
}

/**
 * A section's Markdown as blocks of plain text: headings, paragraphs, list items (with their bullet or
 * number), code and quotes. Raw HTML stays as text, as on the case page.
 */
export function markdownBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let kind: TextBlock['kind'] = 'paragraph';
  let prefix = '';
  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case 'heading_open':
        kind = 'heading';
        break;
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        const indent = '   '.repeat(Math.max(0, lists.length - 1));
        prefix = list?.ordered ? `${indent}${list.next++}. ` : `${indent}• `;
        break;
      }
      case 'blockquote_open':
        kind = 'quote';
        break;
      case 'blockquote_close':
        kind = 'paragraph';
        break;
      case 'inline': {
        const text = inlineText(token).trim();
        if (text) blocks.push({ kind: prefix ? 'item' : kind, text: prefix + text });
        prefix = '';
        if (kind === 'heading') kind = 'paragraph';
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        break;
      default:
        break;
    }
  }
  return blocks;
}
