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
