// The demo data tool (npm run seed): what the script, the tests and the benchmark data use.
export { DEMO_CATEGORIES, type DemoCategory } from './demo-data/categories.js';
export { DEMO_ORGANIZATIONS, PLATFORM_KEY, type DemoOrganization } from './demo-data/organizations.js';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-data/users.js';
export { DEMO_INVITATIONS, DEMO_INVITATION_EMAILS, type DemoInvitation } from './demo-data/invitations.js';
export { DEMO_TOPICS, type DemoTopic } from './demo-data/forum-topics.js';
export { DEMO_USE_CASES } from './demo-data/use-cases.js';
export { type DemoUseCase } from './demo-data/use-case-types.js';
export { DEMO_EMAILS, DEMO_ORGANIZATION_COUNT, type ProgressListener } from './lookup.js';
export { DEMO_AVATAR_EMAILS } from './images.js';
export { DEMO_USE_CASE_TERMS } from './use-cases.js';
export { COVER_HEIGHT, COVER_WIDTH, DEMO_COVER_TITLES } from './use-case-covers.js';
export { PLACEHOLDER_SIZE, colourOf, initialsOf, renderPlaceholder } from './placeholder-image.js';
export { seedDemo, type SeedReport, type PasswordHashSource } from './seed.js';
export { clearDemo, type ClearReport } from './clear.js';
export { verifyDemo, type VerifyReport, type TableCount, type DemoCheck } from './verify.js';
