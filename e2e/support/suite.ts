import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { type Session, launchBrowser, openSession } from './browser.js';
import { type RunningServer, type StartOptions, startServer } from './server.js';

export interface JourneySuite {
  /** The running server (available once the suite's `before` has run). */
  server(): RunningServer;
  /** A new browser context on the server; every page it visits is checked when the suite ends. */
  session(locale?: string): Promise<Session>;
}

/**
 * Starts the real server and Chromium before a journey file's tests and stops both after them, then
 * asserts that no page visited had a serious or critical accessibility finding or a console error.
 */
export function journeySuite(options: StartOptions = {}): JourneySuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];

  before(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    assert.deepEqual(
      sessions.flatMap((s) => s.a11y),
      [],
    );
    assert.deepEqual(
      sessions.flatMap((s) => s.errors),
      [],
    );
  });

  const started = () => {
    if (!server || !browser) throw new Error('the journey suite has not started yet');
    return { server, browser };
  };
  return {
    server: () => started().server,
    async session(locale) {
      const { server, browser } = started();
      const s = await openSession(browser, server.baseUrl, locale);
      sessions.push(s);
      return s;
    },
  };
}
