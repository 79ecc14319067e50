export { DEMO_CATEGORIES, DEMO_ORGANIZATIONS, DEMO_PASSWORD, PLATFORM_KEY, type DemoCategory, type DemoOrganization } from './demo-data.js';
export { DEMO_USERS, type DemoUser } from './demo-users.js';
export { DEMO_EMAILS, DEMO_ORGANIZATION_COUNT, type ProgressListener } from './demo-lookup.js';
export { DEMO_AVATAR_EMAILS } from './demo-images.js';
export { DEMO_INVITATIONS, DEMO_INVITATION_EMAILS, type DemoInvitation } from './demo-invitations.js';
export { PLACEHOLDER_SIZE, initialsOf, renderPlaceholder } from './placeholder-image.js';
export { seedDemo, clearDemo, type SeedReport, type ClearReport, type PasswordHashSource } from './seed.js';
export { verifyDemo, type VerifyReport, type TableCount, type DemoCheck } from './verify.js';
