import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Person, person, signIn, signUp } from './support/accounts.js';
import type { Session } from './support/browser.js';
import { journeySuite } from './support/suite.js';

const superadmin = { email: `admin.${Date.now()}@p2p-platform.example`, password: 'Granite-Harbour-5820' };

const suite = journeySuite({ superadmin });
const session = (locale?: string) => suite.session(locale);

const CATEGORY = { en: 'Pumps and motors', ar: 'المضخات والمحركات', slug: `pumps-motors-${Date.now()}` };
const TITLE = 'Pump maintenance schedule — جدول صيانة المضخات';

/** The post written by someone, as the thread shows it (each post is an article named after its author). */
const postBy = (page: Page, name: string) =>
  page.locator('li.post').filter({ has: page.getByRole('article', { name: `Post by ${name}`, exact: true }) });

async function createCategory(admin: Session) {
  const { page } = admin;
  await page.goto('/forum');
  await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
  await page.getByRole('link', { name: 'Manage categories' }).click();
  await page.getByRole('heading', { level: 1, name: 'Manage categories' }).waitFor();
  await admin.checkA11y('forum categories (admin)');
  const form = page.getByRole('region', { name: 'New category' });
  await form.getByLabel('Name in English').fill(CATEGORY.en);
  await form.getByLabel('Name in Arabic').fill(CATEGORY.ar);
  await form.getByLabel('Description in English', { exact: false }).fill('Centrifugal pumps, motors, drives and their upkeep.');
  await form.getByLabel('Short name for addresses').fill(CATEGORY.slug);
  await form.getByRole('button', { name: 'Create category' }).click();
  await page.getByText('The category is saved.').waitFor();
  await page.getByRole('region', { name: 'Categories' }).getByRole('heading', { name: CATEGORY.en }).waitFor();
}

async function startTopic(s: Session, title: string, body: string): Promise<string> {
  const { page } = s;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forum' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
  await page.getByRole('link', { name: 'New topic' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a new topic' }).waitFor();
  await page.getByLabel('Category').selectOption({ label: CATEGORY.en });
  await page.getByLabel('Title').fill(title);
  await page.getByRole('textbox', { name: 'Details' }).fill(body);
  await page.getByRole('button', { name: 'Publish topic' }).click();
  await page.waitForURL(/\/forum\/topics\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname;
}

describe('forum journeys', () => {
  let asker: Person;
  let askerSession: Session;
  let adminSession: Session;
  let topicPath = '';

  it('a question in English and Arabic gets a reply from another company, a nested answer with a mention, a best answer, and is found by an Arabic spelling variant', async () => {
    const admin = await session();
    adminSession = admin;
    await signIn(admin, superadmin.email, superadmin.password);
    await createCategory(admin);

    asker = person({ firstName: 'Sara', lastName: 'Al-Ghamdi', company: 'Jeddah Packaging Co.' });
    const helper = person({ firstName: 'Badr', lastName: 'Al-Shehri', company: 'Yanbu Steel Works' });
    askerSession = await session();
    const a = askerSession;
    await signUp(a, asker);

    await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forum' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    await a.page.getByRole('region', { name: 'Categories' }).getByText(CATEGORY.en).waitFor();
    await a.checkA11y('forum');

    // The form checks before sending and shows each problem next to its field.
    await a.page.getByRole('link', { name: 'New topic' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Start a new topic' }).waitFor();
    await a.page.getByRole('button', { name: 'Publish topic' }).click();
    assert.equal(await a.page.getByLabel('Title').getAttribute('aria-invalid'), 'true');
    assert.equal(await a.page.getByRole('textbox', { name: 'Details' }).getAttribute('aria-invalid'), 'true');
    await a.checkA11y('new topic with errors');

    // Preview is the server's rendering.
    await a.page
      .getByRole('textbox', { name: 'Details' })
      .fill('How often do you service **centrifugal pumps**?\n\nكم مرة تتم صيانة المضخات لديكم؟');
    await a.page.getByRole('tab', { name: 'Preview' }).click();
    await a.page.getByRole('tabpanel', { name: 'Preview' }).locator('.markdown strong', { hasText: 'centrifugal pumps' }).waitFor();
    await a.checkA11y('composer preview');
    await a.page.getByRole('tab', { name: 'Write' }).click();

    topicPath = await startTopic(a, TITLE, 'How often do you service **centrifugal pumps**?\n\nكم مرة تتم صيانة المضخات لديكم؟');
    await a.page.locator('.topic__body strong', { hasText: 'centrifugal pumps' }).waitFor();
    await a.page.getByText('No replies yet. Be the first to answer.').waitFor();
    await a.checkA11y('topic');

    // Another company's engineer replies.
    const b = await session();
    await signUp(b, helper);
    await b.page.goto(topicPath);
    await b.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await b.page
      .getByRole('textbox', { name: 'Reply to the topic' })
      .fill('Every 2,000 running hours, and check the seals monthly — كل 2000 ساعة تشغيل.');
    await b.page.getByRole('button', { name: 'Post reply' }).click();
    const helperPost = postBy(b.page, 'Badr Al-Shehri');
    await helperPost.getByText('Every 2,000 running hours').waitFor();
    await b.checkA11y('topic with a reply');
    const like = helperPost.getByRole('button', { name: /^Like the post by Badr Al-Shehri/ });
    assert.equal(await like.getAttribute('aria-pressed'), 'false');

    // The asker answers that reply, mentioning its author through the suggestions.
    await a.page.reload();
    const theirPost = postBy(a.page, 'Badr Al-Shehri');
    await theirPost.getByRole('button', { name: 'Reply to Badr Al-Shehri' }).click();
    const composer = a.page.getByRole('textbox', { name: 'Your reply to Badr Al-Shehri' });
    await composer.pressSequentially('Thanks @Ba');
    await a.page.getByRole('option', { name: /Badr Al-Shehri/ }).waitFor();
    await a.checkA11y('mention suggestions');
    await composer.press('Enter');
    await composer.pressSequentially('we will try 2,000 hours.');
    assert.match(await composer.inputValue(), /^Thanks @\[Badr Al-Shehri\]\([0-9a-f-]{36}\) we will try 2,000 hours\.$/);
    await theirPost.getByRole('button', { name: 'Post reply' }).click();
    const answer = postBy(a.page, 'Sara Al-Ghamdi');
    await answer.getByText('we will try 2,000 hours.').waitFor();
    assert.match((await answer.getAttribute('class')) ?? '', /post--indent-1/);
    assert.match((await answer.locator('.markdown a.mention').getAttribute('href')) ?? '', /^\/users\/[0-9a-f-]{36}$/);
    await answer.getByText('Replying to Badr Al-Shehri').waitFor({ state: 'attached' });

    // Liking is a toggle with a count.
    const likeByAsker = theirPost.getByRole('button', { name: /^Like the post by Badr Al-Shehri/ });
    await likeByAsker.click();
    await a.page.waitForFunction(() => document.querySelector('li.post button[aria-pressed="true"]') !== null);
    assert.match((await likeByAsker.textContent()) ?? '', /1$/);

    // Best answer: the topic shows as solved, with a link to the answer.
    await theirPost.getByRole('button', { name: 'Mark as best answer' }).click();
    const banner = a.page.getByRole('complementary', { name: 'Solved' });
    await banner.waitFor();
    await banner.getByText('Every 2,000 running hours', { exact: false }).waitFor();
    const helperId = ((await theirPost.getAttribute('id')) ?? '').replace('post-', '');
    const toAnswer = banner.getByRole('link', { name: 'Go to the best answer' });
    assert.match((await toAnswer.getAttribute('href')) ?? '', new RegExp(`/forum/topics/[0-9a-f-]+#post-${helperId}$`));
    await toAnswer.click();
    await a.page.waitForURL(new RegExp(`#post-${helperId}$`));
    await theirPost.getByText('Best answer', { exact: true }).waitFor();
    await theirPost.getByRole('button', { name: 'Remove best answer' }).waitFor();
    await a.checkA11y('solved topic');

    // The list shows it solved, with the author's company and the counts.
    await a.page.goto('/forum');
    const row = a.page.locator('li.topic-row').filter({ hasText: TITLE });
    await row.getByText('Solved', { exact: true }).waitFor();
    await row.getByText(asker.company).waitFor();
    await row.getByText('Replies: 2').waitFor();
    await a.page.getByRole('link', { name: CATEGORY.en }).click();
    await a.page.waitForURL(/\?categoryId=/);
    await a.page.getByLabel('Status').selectOption('false');
    await a.page.getByRole('button', { name: 'Apply' }).click();
    await a.page.waitForURL(/solved=false/);
    await a.page.getByText('No topics match these filters.').waitFor();
    await a.checkA11y('forum filtered');

    // Search folds Arabic letter variants: "المضخه" (with ه) finds "المضخات"… and "صيانه" finds "صيانة".
    const search = a.page.getByRole('combobox', { name: 'Search the forum' });
    await search.fill('صيانه');
    await search.press('Enter');
    await a.page.waitForURL(/\/forum\/search\?q=/);
    const hit = a.page.locator('li.hit').filter({ hasText: 'Pump maintenance schedule' });
    await hit.waitFor();
    await hit.locator('mark').first().waitFor();
    await a.page.getByText(/^Results: \d+ · \d+ ms$/).waitFor();
    await a.checkA11y('search results');
    await hit.getByRole('link').first().click();
    await a.page.waitForURL(`**${topicPath}`);
    await a.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Suggestions under the search box, by keyboard.
    await a.page.goto('/forum');
    const box = a.page.getByRole('combobox', { name: 'Search the forum' });
    await box.pressSequentially('pump maint');
    await a.page.getByRole('option', { name: /Pump maintenance schedule/ }).waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await a.checkA11y('search suggestions');
    await box.press('ArrowDown');
    await box.press('Enter');
    await a.page.waitForURL(/\/forum\/(topics|search)/);

    // In Arabic the thread mirrors: a reply is indented from the right.
    await a.page.getByRole('button', { name: 'Account menu' }).click();
    await a.page.getByRole('button', { name: 'Switch the interface to Arabic' }).click();
    await a.page.goto(topicPath);
    await a.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await a.page.getByRole('complementary', { name: 'تم الحل' }).waitFor();
    const parentBox = await a.page.locator(`#post-${helperId}`).boundingBox();
    const replyBox = await a.page.locator('li.post').filter({ hasText: 'we will try 2,000 hours.' }).boundingBox();
    assert.ok(
      parentBox && replyBox && replyBox.x + replyBox.width < parentBox.x + parentBox.width - 10,
      'the reply is indented from the right in Arabic',
    );
    await a.checkA11y('topic (ar)');
    await a.page.goto('/forum');
    await a.page.getByRole('heading', { level: 1, name: 'المنتدى' }).waitFor();
    await a.page.getByText(CATEGORY.ar).first().waitFor();
    await a.checkA11y('forum (ar)');
    await a.page.getByRole('button', { name: 'قائمة الحساب' }).click();
    await a.page.getByRole('button', { name: 'تحويل الواجهة إلى اللغة الإنجليزية' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
  });

  it('stored markup in a post is shown as text and never runs', async () => {
    const a = askerSession;
    assert.ok(topicPath, 'needs the topic of the first journey');
    const attack = ['<img src=x onerror="window.__xss=1">', '[click](javascript:window.__xss=2)', '<script>window.__xss=3</script>'].join(
      '\n\n',
    );
    await a.page.goto(topicPath);
    await a.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const reply = a.page.getByRole('textbox', { name: 'Reply to the topic' });
    await reply.fill(attack);
    await a.page.getByRole('tab', { name: 'Preview' }).first().click();
    await a.page.getByRole('tabpanel', { name: 'Preview' }).locator('.markdown').waitFor();
    await a.page.getByRole('tab', { name: 'Write' }).first().click();
    await a.page.getByRole('button', { name: 'Post reply' }).last().click();
    await a.page.locator('li.post').filter({ hasText: 'window.__xss=3' }).waitFor();

    await a.page.reload();
    await a.page.locator('li.post').filter({ hasText: 'window.__xss=3' }).waitFor();
    await a.page.waitForTimeout(300);
    const found = await a.page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      scripts: document.querySelectorAll('.markdown script').length,
      handlers: document.querySelectorAll('.markdown [onerror], .markdown [onload], .markdown [onclick]').length,
      images: document.querySelectorAll('.markdown img').length,
      javascriptLinks: Array.from(document.querySelectorAll('.markdown a')).filter((link) =>
        /^\s*javascript:/i.test(link.getAttribute('href') ?? ''),
      ).length,
    }));
    assert.deepEqual(found, { xss: undefined, scripts: 0, handlers: 0, images: 0, javascriptLinks: 0 });
    // Clicking what is left of the link does not run it either.
    const leftover = a.page.locator('.markdown a', { hasText: 'click' });
    if ((await leftover.count()) > 0) await leftover.first().click({ noWaitAfter: true });
    assert.equal(await a.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    await a.checkA11y('topic with stored markup');
  });
  it('the author edits the topic and a reply and deletes a reply; a moderator pins and locks the topic', async () => {
    const a = askerSession;
    await a.page.goto(topicPath);
    await a.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await a.page.locator('.topic__actions').getByRole('link', { name: 'Edit' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Edit topic' }).waitFor();
    await a.checkA11y('edit topic');
    await a.page.getByLabel('Title').fill(`${TITLE} (2026)`);
    await a.page.getByRole('button', { name: 'Save changes' }).click();
    await a.page.waitForURL(`**${topicPath}`);
    await a.page.getByRole('heading', { level: 1, name: `${TITLE} (2026)` }).waitFor();

    const answerId = await a.page.locator('li.post').filter({ hasText: 'we will try 2,000 hours.' }).getAttribute('id');
    const answer = a.page.locator(`#${answerId}`);
    await answer.getByRole('button', { name: 'Edit' }).click();
    const editor = answer.getByRole('textbox', { name: 'Edit your post' });
    await editor.fill('We moved to 2,000 hours — انتقلنا إلى 2000 ساعة.');
    await answer.getByRole('button', { name: 'Save changes' }).click();
    await answer.getByText('We moved to 2,000 hours').waitFor();
    await answer.locator('.post__edited').waitFor();

    const markup = a.page.locator('li.post').filter({ hasText: 'window.__xss=3' });
    await markup.getByRole('button', { name: 'Delete' }).click();
    await markup.getByRole('button', { name: 'Yes, delete' }).click();
    await markup.waitFor({ state: 'detached' });

    const mod = adminSession;
    await mod.page.goto(topicPath);
    await mod.page.getByRole('heading', { level: 1, name: `${TITLE} (2026)` }).waitFor();
    await mod.page.getByRole('button', { name: 'Pin', exact: true }).click();
    await mod.page.getByRole('button', { name: 'Unpin' }).waitFor();
    await mod.page.getByRole('button', { name: 'Lock', exact: true }).click();
    await mod.page.getByRole('button', { name: 'Unlock' }).waitFor();
    await mod.checkA11y('topic (moderator)');

    await a.page.reload();
    await a.page.getByText('This topic is locked: new replies are closed.').waitFor();
    assert.equal(await a.page.getByRole('textbox', { name: 'Reply to the topic' }).count(), 0);
    await a.page.locator('.topic__meta').getByText('Pinned', { exact: true }).waitFor();
    await a.page.locator('.topic__meta').getByText('Locked', { exact: true }).waitFor();
    await a.checkA11y('locked topic');
  });
});
