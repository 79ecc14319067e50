import { describe, expect, it } from 'vitest';
import { MAX_INDENT, buildThreadRows } from '../src/features/forum/thread.js';
import { author, post, uuid } from './forum-fixtures.js';

describe('thread rows', () => {
  const amal = author('Amal Al-Qahtani');
  const badr = author('Badr Al-Shehri');

  it('indents by depth and keeps the reading order the server gave', () => {
    const posts = [post(1, 0, null, amal), post(2, 1, 1, badr), post(3, 2, 2, amal), post(4, 0, null, badr)];
    const rows = buildThreadRows(posts);
    expect(rows.map((r) => [r.post.id, r.indent])).toEqual([
      [uuid(1), 0],
      [uuid(2), 1],
      [uuid(3), 2],
      [uuid(4), 0],
    ]);
    expect(rows.every((r) => r.replyingTo === null)).toBe(true);
    expect(rows[1]!.parent).toEqual({ postId: uuid(1), name: 'Amal Al-Qahtani' });
    expect(rows[0]!.parent).toBeNull();
  });

  it('draws replies deeper than four levels at level four, saying whom they answer', () => {
    const chain = [0, 1, 2, 3, 4, 5, 6].map((depth) => post(depth + 1, depth, depth === 0 ? null : depth, depth % 2 === 0 ? amal : badr));
    const rows = buildThreadRows(chain);
    expect(MAX_INDENT).toBe(4);
    expect(rows.map((r) => r.indent)).toEqual([0, 1, 2, 3, 4, 4, 4]);
    expect(rows.slice(0, 5).every((r) => r.replyingTo === null)).toBe(true);
    // depth 5 (post 6, by Badr) answers post 5 (depth 4, by Amal); depth 6 answers post 6.
    expect(rows[5]!.replyingTo).toEqual({ postId: uuid(5), name: 'Amal Al-Qahtani' });
    expect(rows[6]!.replyingTo).toEqual({ postId: uuid(6), name: 'Badr Al-Shehri' });
  });

  it('names no one when the parent is a tombstone, a former member, or not on this page', () => {
    const tombstone = post(1, 0, null, null, { deleted: true, body: '', bodyHtml: '' });
    const former = author('', { formerMember: true });
    const rows = buildThreadRows(
      [tombstone, post(2, 1, 1, badr), post(10, 6, 9, badr), post(11, 0, null, former), post(12, 1, 11, amal)],
      4,
    );
    expect(rows[0]!.indent).toBe(0);
    expect(rows[1]!.parent).toEqual({ postId: uuid(1), name: null });
    expect(rows[2]!.replyingTo).toEqual({ postId: uuid(9), name: null });
    expect(rows[4]!.parent).toEqual({ postId: uuid(11), name: null });
  });

  it('honours a smaller cap and never indents below zero', () => {
    const rows = buildThreadRows([post(1, -1, null, amal), post(2, 3, 1, badr)], 2);
    expect(rows.map((r) => r.indent)).toEqual([0, 2]);
    expect(rows[1]!.replyingTo).toEqual({ postId: uuid(1), name: 'Amal Al-Qahtani' });
  });
});
