import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  parsed: ParsedMail;
}

/**
 * How long a wait for mail may take: sending runs after commit, over a real SMTP connection, and on a
 * busy machine that has taken seconds. Only a failing test waits this long; tests that wait set a
 * longer timeout of their own (MAIL_TEST_TIMEOUT_MS), so the wait's message is the one reported.
 */
const WAIT_TIMEOUT_MS = 60_000;
export const MAIL_TEST_TIMEOUT_MS = 120_000;

/** A real SMTP server on 127.0.0.1 that keeps what it receives; `rejectNext` makes delivery fail. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const events = new EventEmitter<{ received: [ReceivedMail] }>();
  let rejectNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext -= 1;
          const error = new Error('mailbox temporarily unavailable') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const mail: ReceivedMail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              parsed,
            };
            received.push(mail);
            callback();
            events.emit('received', mail);
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNextDeliveries(n: number) {
      rejectNext = n;
    },
    /** The first message (already received or still to come) that matches; fails after the timeout. */
    waitForMessage(match: (mail: ReceivedMail) => boolean, timeoutMs = WAIT_TIMEOUT_MS): Promise<ReceivedMail> {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onReceived = (mail: ReceivedMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          events.off('received', onReceived);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          events.off('received', onReceived);
          reject(new Error(`no matching message within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        events.on('received', onReceived);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Polls until `check` returns a value (a row in a given state), or fails after the timeout. For a
 * received message, `waitForMessage` is told by the server instead.
 */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = WAIT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
