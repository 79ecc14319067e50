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
export { recountCategoryTopics } from './topics.service.js';
export { countOrganizationTopicsSql, countOrganizationPostsSql } from './forum.repository.js';
export { forumRetention } from './forum.retention.js';
export { eraseForumPerson } from './forum.erasure.js';
export { forumPersonalData } from './forum.personal-data.js';
