import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

// Debian's Chromium, with everything that would reach beyond 127.0.0.1 switched off.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// API answers the journeys provoke on purpose (a guest asking who they are, a wrong password, a
// revoked session); Chromium logs each non-2xx fetch as a console error.
const EXPECTED_NETWORK_ERRORS = /Failed to load resource: the server responded with a status of (400|401|409)/;

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Serious and critical axe findings on the pages checked so far. */
  a11y: string[];
  checkA11y(label: string): Promise<void>;
  /** From now on, console errors matching this are expected (a page that must answer not-found, say). */
  expectConsoleError(pattern: RegExp): void;
}

export async function openSession(browser: Browser, baseURL: string, locale = 'en-US'): Promise<Session> {
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  const a11y: string[] = [];
  const expected: RegExp[] = [EXPECTED_NETWORK_ERRORS];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.some((pattern) => pattern.test(message.text()))) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    errors,
    a11y,
    expectConsoleError(pattern) {
      expected.push(pattern);
    },
    async checkA11y(label) {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const violation of result.violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          a11y.push(`${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
    },
  };
}
