export { Mailer } from './mailer.js';
export { MailDispatcher, retryDelaySeconds } from './dispatcher.js';
export { listOutbox, type OutboxRow } from './outbox.js';
export { mailOutbox } from './mail.tables.js';
export type { MailTemplate, MailTemplates } from './templates.js';
