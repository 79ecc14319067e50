export { forumCategories, forumTopics, forumPosts, forumTopicLikes, forumPostLikes, forumTopicViews, forumMentions, forumSearchLog } from './forum.tables.js';
export { forumRoutes } from './forum.routes.js';
export { renderMarkdown } from './markdown.js';
export { recountCategoryTopics } from './topics.service.js';
