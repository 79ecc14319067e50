import type { ForumPost } from '@p2p/contracts';

/** Replies deeper than this are drawn at this level, with a "replying to" line saying whom they answer. */
export const MAX_INDENT = 4;

export interface ThreadRow {
  post: ForumPost;
  /** 0 for a top-level post, at most MAX_INDENT. */
  indent: number;
  /**
   * Whom the post answers, shown when the indent no longer tells it (the post is deeper than MAX_INDENT).
   * `name` is null when that post was deleted or its author is a former member.
   */
  replyingTo: { postId: string; name: string | null } | null;
  /** Whom the post answers, whatever its depth: for screen readers, which do not see the indent. */
  parent: { postId: string; name: string | null } | null;
}

function authorName(post: ForumPost | undefined): string | null {
  if (!post || post.deleted || !post.author || post.author.formerMember) return null;
  return post.author.name;
}

/**
 * Turns a thread page (posts flat in reading order, each with its parent and depth) into display rows:
 * indent capped at MAX_INDENT, and "replying to" set where the indent alone would not show the parent.
 */
export function buildThreadRows(posts: readonly ForumPost[], maxIndent = MAX_INDENT): ThreadRow[] {
  const byId = new Map(posts.map((p) => [p.id, p]));
  return posts.map((post) => {
    const depth = Math.max(0, post.depth);
    const parent = post.parentPostId ? { postId: post.parentPostId, name: authorName(byId.get(post.parentPostId)) } : null;
    return {
      post,
      indent: Math.min(depth, maxIndent),
      replyingTo: parent && depth > maxIndent ? parent : null,
      parent,
    };
  });
}

/** Oldest first, then by id (the server's order for posts of the same moment). */
function byTime(a: ForumPost, b: ForumPost): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Posts in reading order: each parent followed by its replies (depth first), siblings oldest first;
 * a post whose parent is not among them starts a branch of its own. Used to fit replies loaded later
 * (by time) in under their parents.
 */
export function readingOrder(posts: readonly ForumPost[]): ForumPost[] {
  const unique = [...new Map(posts.map((p) => [p.id, p])).values()].sort(byTime);
  const ids = new Set(unique.map((p) => p.id));
  const children = new Map<string, ForumPost[]>();
  const starts: ForumPost[] = [];
  for (const p of unique) {
    if (p.parentPostId && ids.has(p.parentPostId)) children.set(p.parentPostId, [...(children.get(p.parentPostId) ?? []), p]);
    else starts.push(p);
  }
  // Depth first without recursion: replies nest to any depth.
  const ordered: ForumPost[] = [];
  const stack = [...starts].reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    ordered.push(next);
    stack.push(...(children.get(next.id) ?? []).toReversed());
  }
  return ordered;
}

/** A thread page cut into branches: each top-level post with the replies shown beneath it, in the page's order. */
export function branchesOf(posts: readonly ForumPost[]): { root: ForumPost; replies: ForumPost[] }[] {
  const branches: { root: ForumPost; replies: ForumPost[] }[] = [];
  for (const p of posts) {
    const current = branches.at(-1);
    if (p.parentPostId === null || !current) branches.push({ root: p, replies: [] });
    else current.replies.push(p);
  }
  return branches;
}
