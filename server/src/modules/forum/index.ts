export {
  forumCategories,
  forumTopics,
  forumPosts,
  forumTopicLikes,
  forumPostLikes,
  forumTopicViews,
  forumMentions,
  forumSearchLog,
} from './forum.tables.js';
export { forumRoutes } from './forum.routes.js';
export { renderMarkdown, plainText } from './markdown.js';
// Shared with the use-case library: the reader's membership, author columns, timestamps, highlights.
export { getReader, authorColumns, authorFrom, iso, isoOrNull } from './forum.reader.js';
export { TRENDING_INTERVALS, titlePrefixQuery, toHighlight } from './search.service.js';
export { recountCategoryTopics } from './topics.service.js';
