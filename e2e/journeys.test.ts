import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { person, signIn, signUp } from './support/accounts.js';
import { latestMail } from './support/server.js';
import { journeySuite } from './support/suite.js';

const suite = journeySuite();
const session = (locale?: string) => suite.session(locale);

/** A real 64×64 PNG (one teal colour), built byte by byte so the test needs no image library. */
function tealSquarePng(): Buffer {
  const width = 64;
  const height = 64;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) raw.set([15, 118, 110], row + 1 + x * 3);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('browser journeys', () => {
  it('sign up → dashboard → sign out → sign in', async () => {
    const s = await session();
    const p = person();
    await signUp(s, p);
    const { page } = s;
    await s.checkA11y('dashboard');
    assert.equal(await page.title(), 'Dashboard · P2P Sandbox');
    await page.getByText('Jeddah Packaging Co.').first().waitFor();
    await page.getByText(/Please confirm your email address/).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count(), 4);

    await page.getByRole('button', { name: 'Account menu' }).click();
    await s.checkA11y('account menu');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await s.checkA11y('sign-in');
    await page.goto('/dashboard');
    await page.waitForURL('**/sign-in?next=%2Fdashboard');

    await page.getByLabel('Work email').fill(p.email);
    await page.getByLabel('Password').fill('Wrong-Password-000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();
    await s.checkA11y('sign-in with error');

    await page.getByLabel('Password').fill(p.password);
    await page.getByLabel('Keep me signed in for 30 days').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/dashboard');
    const cookie = (await s.context.cookies()).find((c) => c.name === 'p2p.session_token');
    assert.ok(cookie && cookie.httpOnly && cookie.sameSite === 'Lax');
    assert.ok(cookie.expires * 1000 - Date.now() > 29 * 86_400_000, 'remember me keeps the cookie for 30 days');
  });

  it('shows field errors next to the right field', async () => {
    const s = await session();
    const { page } = s;
    await page.goto('/sign-up');
    await page.getByLabel('Work email').fill('not-an-email');
    await page.getByLabel('Password', { exact: false }).fill('qwertyuiop');
    await page.getByRole('button', { name: 'Create account' }).click();
    const email = page.getByLabel('Work email');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    await page.getByText('Enter a valid email address, like name@company.com.').waitFor();
    await page.getByText('This field is required.').first().waitFor();
    await s.checkA11y('sign-up with errors');
  });

  it('verifies the email through the mailed link', async () => {
    const s = await session();
    const p = person();
    await signUp(s, p);
    const mail = await latestMail(suite.server().baseUrl, p.email, 'verify-email');
    await s.page.goto(mail.links[0]!);
    await s.page.waitForURL('**/email-verified');
    await s.page.getByRole('heading', { name: 'Email address confirmed' }).waitFor();
    await s.checkA11y('email verified');
    await s.page.getByRole('link', { name: 'Continue' }).click();
    await s.page.waitForURL('**/dashboard');
    await s.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    assert.equal(await s.page.getByText(/Please confirm your email address/).count(), 0);
  });

  it('forgot password → reset through the emailed link → sign in with the new password', async () => {
    const owner = await session();
    const p = person();
    await signUp(owner, p);
    const s = await session();
    const { page } = s;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await s.checkA11y('forgot password');
    await page.getByLabel('Work email').fill(p.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/a reset link is on its way/).waitFor();

    const mail = await latestMail(suite.server().baseUrl, p.email, 'reset-password');
    await page.goto(mail.links[0]!);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await s.checkA11y('reset password');
    await page.getByLabel('New password', { exact: true }).fill('Desert-Compass-4471');
    await page.getByLabel('Repeat the new password').fill('Desert-Compass-4470');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();
    await page.getByLabel('Repeat the new password').fill('Desert-Compass-4471');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText(/Your password is changed/).waitFor();

    // The other session ended with the reset.
    await owner.page.goto('/security');
    await owner.page.waitForURL('**/sign-in?next=%2Fsecurity');

    await signIn(s, p.email, 'Desert-Compass-4471');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });

  it('switches to Arabic: right-to-left, translated, remembered after a reload and on the profile', async () => {
    const s = await session();
    const p = person();
    await signUp(s, p);
    const { page } = s;
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Switch the interface to Arabic' }).click();
    await page.getByRole('heading', { level: 1, name: 'لوحة المعلومات' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'لوحة المعلومات' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'المنتدى' }).waitFor();
    assert.equal(await page.title(), 'لوحة المعلومات · P2P Sandbox');
    // Mirrored: the navigation starts on the right.
    const logo = await page.getByRole('link', { name: 'الصفحة الرئيسية لـ P2P Sandbox' }).boundingBox();
    const viewport = page.viewportSize()!;
    assert.ok(logo && logo.x > viewport.width / 2, 'the logo sits on the right in Arabic');
    await s.checkA11y('dashboard (ar)');
    await page.goto('/security');
    await page.getByRole('heading', { level: 1, name: 'الأمان' }).waitFor();
    await s.checkA11y('security (ar)');

    // A new browser signing in gets the language stored on the profile.
    const other = await session();
    await signIn(other, p.email, p.password);
    await other.page.getByRole('heading', { level: 1, name: 'لوحة المعلومات' }).waitFor();
    assert.equal(await other.page.getAttribute('html', 'dir'), 'rtl');
  });

  it('lists sessions on the Security page and revokes another device', async () => {
    const laptop = await session();
    const p = person();
    await signUp(laptop, p);
    const phone = await session();
    await signIn(phone, p.email, p.password);

    await laptop.page.getByRole('button', { name: 'Account menu' }).click();
    await laptop.page.getByRole('link', { name: 'Security' }).click();
    await laptop.page.waitForURL('**/security');
    await laptop.page.getByRole('heading', { level: 1, name: 'Security' }).waitFor();
    await laptop.page.getByText('This device', { exact: true }).waitFor();
    await laptop.checkA11y('security');
    const revokeButtons = laptop.page.getByRole('button', { name: /^Sign out this device/ });
    assert.equal(await revokeButtons.count(), 1);
    await revokeButtons.click();
    await laptop.page.getByText('That device is signed out.').waitFor();
    await laptop.page.getByText('You are not signed in anywhere else.').waitFor();

    await phone.page.reload();
    await phone.page.waitForURL('**/sign-in?next=%2Fdashboard');
    for (const [path, title] of [
      ['/forum', 'Forum'],
      ['/use-cases', 'Use-case library'],
      ['/messages', 'Messages'],
    ] as const) {
      await laptop.page.goto(path);
      await laptop.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await laptop.checkA11y(title);
    }
  });

  it('an admin invites a colleague, who accepts from the emailed link and appears in Members; the admin changes their role', async () => {
    const admin = await session();
    const p = person();
    await signUp(admin, p);
    const { page } = admin;
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('link', { name: 'Organization settings' }).click();
    await page.waitForURL('**/organization');
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    await page.getByText('Pending invitations').waitFor();
    await admin.checkA11y('organization settings');

    await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    const invitee = `omar.${Date.now()}@jeddah-packaging.example`;
    await page.getByLabel('Email', { exact: true }).fill(invitee);
    await page.getByLabel('Personal message', { exact: false }).fill('Welcome to the line-automation team, Omar.');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`An invitation is on its way to ${invitee}.`).waitFor();
    await page.getByRole('cell', { name: invitee, exact: true }).waitFor();
    await admin.checkA11y('invitations');

    const mail = await latestMail(suite.server().baseUrl, invitee, 'invitation');
    const guest = await session();
    await guest.page.goto(mail.links[0]!);
    await guest.page.getByRole('heading', { level: 1, name: 'Join your company on P2P Sandbox' }).waitFor();
    await guest.page.getByText(`${p.firstName} ${p.lastName} invited you to join ${p.company} as Member.`).waitFor();
    await guest.page.getByText('Welcome to the line-automation team, Omar.').waitFor();
    await guest.checkA11y('accept invitation');
    await guest.page.getByLabel('First name').fill('Omar');
    await guest.page.getByLabel('Last name').fill('Al-Zahrani');
    await guest.page.getByLabel('Password', { exact: false }).fill('Harbour-Crane-7719');
    await guest.page.getByRole('button', { name: `Join ${p.company}` }).click();
    await guest.page.waitForURL('**/dashboard');
    await guest.page.getByText(p.company).first().waitFor();

    await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: invitee });
    await row.waitFor();
    await admin.checkA11y('members');
    await row.getByLabel('Role of Omar Al-Zahrani').selectOption('admin');
    await page.getByText('Omar Al-Zahrani is updated.').waitFor();
    await page.reload();
    assert.equal(await page.getByRole('row').filter({ hasText: invitee }).getByLabel('Role of Omar Al-Zahrani').inputValue(), 'admin');
    // The admin cannot demote themselves: their own role control is disabled.
    assert.equal(await page.getByRole('row').filter({ hasText: p.email }).getByRole('combobox').isDisabled(), true);
  });

  it('a user uploads an avatar and sees it in the header', async () => {
    const s = await session();
    const p = person();
    await signUp(s, p);
    const { page } = s;
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await s.checkA11y('profile');
    await page.getByLabel('Upload a picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: tealSquarePng() });
    const header = page.getByRole('button', { name: 'Account menu' });
    await header.locator('img').waitFor();
    const src = await header.locator('img').getAttribute('src');
    assert.match(src ?? '', /^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    const image = await page.request.get(src!);
    assert.equal(image.status(), 200);
    assert.match(image.headers()['content-type'] ?? '', /^image\/(webp|png)/);
    await page.getByLabel('Job title').fill('Automation Engineer');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();

    // As the company's admin, upload a logo: it shows where the company appears.
    await page.goto('/organization');
    await page.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tealSquarePng() });
    await page.getByRole('img', { name: `Logo of ${p.company}` }).waitFor();
    await page.getByText(/of 1 GB used|of 1 GB/).waitFor();
    await page.goto('/dashboard');
    await page.getByRole('img', { name: `Logo of ${p.company}` }).waitFor();
  });

  it('answers unknown pages with a not-found page', async () => {
    const s = await session();
    await s.page.goto('/no/such/page');
    await s.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await s.checkA11y('not found');
  });
});
