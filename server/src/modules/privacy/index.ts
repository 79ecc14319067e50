export { privacyRoutes } from './privacy.routes.js';
