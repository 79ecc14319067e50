export { Mailer } from './mailer.js';
export { MailDispatcher, retryDelaySeconds } from './dispatcher.js';
export { MAIL_BODY_RETENTION_DAYS, clearExpiredMailBodies, listOutbox, type OutboxRow } from './outbox.js';
export { mailOutbox } from './mail.tables.js';
export type { MailTemplate, MailTemplates } from './templates.js';
