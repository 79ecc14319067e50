import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { person, signIn, signUp } from './support/accounts.js';
import type { Session } from './support/browser.js';
import { captureDownload, pdfText, wholeWord, wordsInOrder } from './support/downloads.js';
import { journeySuite } from './support/suite.js';

const superadmin = { email: `admin.${Date.now()}@p2p-platform.example`, password: 'Granite-Harbour-5820' };

const suite = journeySuite({ superadmin });
const session = (locale?: string) => suite.session(locale);

const CASE = {
  title: 'Predictive maintenance of the cooling-water pumps at Jubail',
  titleAr: 'الصيانة التنبؤية لمضخات مياه التبريد في الجبيل',
  summary:
    'Wireless vibration sensors on 24 cooling-water pumps warn the maintenance team weeks before a bearing fails; unplanned stops fell by 60 percent.',
  summaryAr:
    'حساسات اهتزاز لاسلكية على 24 مضخة تنبه فريق الصيانة قبل تعطل المحامل بأسابيع، وانخفضت التوقفات غير المخطط لها بنسبة 60 بالمئة.',
  challenge: 'Two **bearing failures** a year stopped the cracker for three days each.',
  solution: 'We fitted 96 wireless sensors and fed their spectra to a model trained on five years of work orders.',
  results: 'Unplanned stops fell by 60%; the pumps now run 8,000 hours between overhauls.',
  sharedTechnology: 'Wireless vibration sensors',
  newTechnology: 'Bearing failure prediction model',
  place: 'Jubail Industrial City — مدينة الجبيل الصناعية (industrial city)',
};

/** Another company's case, already in the library: it shares a technology with the journey's case. */
const NEIGHBOUR_CASE = {
  title: 'PLC upgrade of the Yanbu rolling mill line',
  summary: 'Replacing three generations of PLCs with one platform cut changeover time on the rolling mill by half.',
  category: 'automation',
  industry: 'metals_steel',
  technologies: [CASE.sharedTechnology, 'PLC'],
  city: 'yanbu',
  visibility: 'public',
  publish: true,
};

/** A figure tile of the "Results in figures" section: its value as shown. */
async function figure(page: Page, label: string): Promise<string> {
  const outcomes = page.getByRole('region', { name: 'Results in figures' });
  const tile = outcomes.locator('.tile').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) });
  return ((await tile.getByRole('definition').textContent()) ?? '').trim();
}

/** Every count shown next to a facet value is a number in brackets. */
async function assertNumericCounts(panel: Locator) {
  const names = await panel
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
  assert.ok(names.length >= 4, `the facet panel offers values: ${names.join(' | ')}`);
  for (const name of names) assert.match(name, /\(\d[\d,]*\)$/, `a facet count is a number: ${name}`);
}

/**
 * Ticks a facet value. The box follows the page address, which changes a moment after the click, so the
 * check waits for the ticked box instead of expecting it at once.
 */
async function tick(group: Locator, name: string) {
  await group.getByRole('checkbox', { name, checked: false }).click();
  await group.getByRole('checkbox', { name, checked: true }).waitFor();
}

async function openExportMenu(page: Page, format: string) {
  const button = page.getByRole('button', { name: 'Export these results' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('link', { name: format, exact: true }).click();
}

describe('use-case library journeys', () => {
  let authorSession: Session;
  let neighbourSession: Session;
  let caseId = '';
  let filteredLibrary = '';
  let searchPage = '';

  it('an engineer writes a bilingual case and publishes it; a guest finds it by facets and by an Arabic spelling variant ', async () => {
    // Another company already shares a case that uses the same technology.
    const neighbour = await session();
    neighbourSession = neighbour;
    await signUp(neighbour, person({ firstName: 'Badr', lastName: 'Al-Shehri', company: 'Yanbu Steel Works' }));
    // As the app's own page would send it: a cookie-authenticated write names its origin.
    const created = await neighbour.page.request.post('/api/v1/use-cases', {
      data: NEIGHBOUR_CASE,
      headers: { origin: new URL(neighbour.page.url()).origin },
    });
    assert.equal(created.status(), 201, await created.text());

    // The author writes the case in the editor.
    const a = await session();
    authorSession = a;
    await signUp(a, person({ firstName: 'Sara', lastName: 'Al-Ghamdi', company: 'Jubail Petrochemical Services' }));
    const { page } = a;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Use cases' }).click();
    await page.getByRole('heading', { level: 1, name: 'Use-case library' }).waitFor();
    await page.getByRole('link', { name: 'Write a use case' }).click();
    await page.getByRole('heading', { level: 1, name: 'New use case' }).waitFor();
    await a.checkA11y('use-case editor');

    // Sending it empty shows what is missing next to the fields.
    await page.getByRole('button', { name: 'Save draft' }).click();
    assert.equal(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Category').getAttribute('aria-invalid'), 'true');
    await a.checkA11y('use-case editor with errors');

    await page.getByLabel('Title', { exact: true }).fill(CASE.title);
    await page.getByLabel('Summary', { exact: true }).fill(CASE.summary);
    await page.getByLabel('Title in Arabic').fill(CASE.titleAr);
    await page.getByLabel('Summary in Arabic').fill(CASE.summaryAr);
    assert.equal(await page.getByLabel('Title in Arabic').getAttribute('dir'), 'rtl');
    await page.getByLabel('Category').selectOption({ label: 'Maintenance' });
    await page.getByLabel('Industry').selectOption({ label: 'Petrochemicals' });

    // Technologies: a suggestion from the shared vocabulary, then a new term.
    const technologies = page.getByRole('combobox', { name: 'Technologies' });
    await technologies.pressSequentially('wireless vib');
    const suggestion = page
      .getByRole('listbox', { name: 'Suggestions for Technologies' })
      .getByRole('option', { name: new RegExp(`^${CASE.sharedTechnology}`) });
    await suggestion.waitFor();
    assert.equal(await technologies.getAttribute('aria-expanded'), 'true');
    await a.checkA11y('technology suggestions');
    await technologies.press('ArrowDown');
    await technologies.press('Enter');
    await technologies.fill(CASE.newTechnology);
    await technologies.press('Enter');
    const chosen = page.getByRole('list', { name: 'Technologies chosen' });
    await chosen.getByText(CASE.newTechnology, { exact: true }).waitFor();
    assert.deepEqual(await chosen.getByRole('listitem').allTextContents(), [`${CASE.sharedTechnology}×`, `${CASE.newTechnology}×`]);
    await page.getByRole('combobox', { name: 'Tags' }).fill('cooling water');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');

    await page.getByRole('textbox', { name: 'The challenge', exact: true }).fill(CASE.challenge);
    await page.getByRole('textbox', { name: 'The solution', exact: true }).fill(CASE.solution);
    await page.getByRole('textbox', { name: 'The results', exact: true }).fill(CASE.results);
    await page.getByRole('button', { name: 'Preview: The challenge' }).click();
    await page.getByRole('region', { name: 'Preview: The challenge' }).locator('strong', { hasText: 'bearing failures' }).waitFor();

    await page.getByLabel('Return on investment (%)').fill('185');
    await page.getByLabel('Payback period (months)').fill('7');
    await page.getByLabel('Investment (SAR)').fill('1,200,000');
    await page.getByLabel('Annual savings (SAR a year)').fill('2,050,000');

    await page.getByRole('radio', { name: /^Choose a place/ }).check();
    await page.getByLabel('Place', { exact: true }).selectOption({ label: CASE.place });
    await page.getByText('Region: Eastern Province. Coordinates:').waitFor();
    assert.equal(await page.getByRole('radio', { name: /^Public/ }).isChecked(), true);
    await a.checkA11y('use-case editor filled in');

    // Saved as a draft first, then published from its page.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    caseId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: CASE.title }).waitFor();
    await page.getByText('Draft.', { exact: true }).waitFor();
    await a.checkA11y('draft case');
    await page.getByRole('group', { name: 'Manage this case' }).getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('group', { name: 'Manage this case' }).getByRole('button', { name: 'Archive' }).waitFor();
    assert.equal(await page.getByText('Draft.', { exact: true }).count(), 0);

    // The case page: the outcomes with their units, the Arabic title marked right to left.
    assert.equal(await figure(page, 'Return on investment'), '185%');
    assert.equal(await figure(page, 'Payback period'), '7 months');
    assert.match(await figure(page, 'Investment'), /^SAR\s1,200,000$/);
    assert.match(await figure(page, 'Annual savings'), /^SAR\s2,050,000 a year$/);
    const arabicTitle = page.getByText(CASE.titleAr, { exact: true });
    assert.equal(await arabicTitle.getAttribute('dir'), 'rtl');
    assert.equal(await arabicTitle.getAttribute('lang'), 'ar');
    assert.equal(await page.getByText(CASE.summaryAr, { exact: true }).getAttribute('dir'), 'rtl');
    const facts = page.getByRole('region', { name: 'About this case' });
    await facts.getByRole('link', { name: 'Jubail Industrial City' }).waitFor();
    await facts.getByRole('link', { name: `More cases using ${CASE.newTechnology}` }).waitFor();
    await page.getByRole('region', { name: 'The challenge' }).locator('strong', { hasText: 'bearing failures' }).waitFor();
    await a.checkA11y('published case');

    // In Arabic the page leads with the Arabic title and mirrors.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Switch the interface to Arabic' }).click();
    await page.getByRole('heading', { level: 1, name: CASE.titleAr }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.getByRole('region', { name: 'النتائج بالأرقام' }).waitFor();
    await a.checkA11y('published case (ar)');
    await page.goto('/use-cases');
    await page.getByRole('heading', { level: 1, name: 'مكتبة حالات الاستخدام' }).waitFor();
    await page.getByRole('link', { name: CASE.titleAr }).first().waitFor();
    await a.checkA11y('library (ar)');
    await page.getByRole('button', { name: 'قائمة الحساب' }).click();
    await page.getByRole('button', { name: 'تحويل الواجهة إلى اللغة الإنجليزية' }).click();
    await page.getByRole('heading', { level: 1, name: 'Use-case library' }).waitFor();

    // A guest narrows the library with the facets: the shared technology, then the category.
    const g = await session();
    await g.page.goto('/use-cases');
    await g.page.getByRole('heading', { level: 1, name: 'Use-case library' }).waitFor();
    await g.page.getByRole('status').filter({ hasText: 'Use cases: 2' }).waitFor();
    await g.checkA11y('library (guest)');
    const facets = g.page.getByRole('region', { name: 'Filter' });
    await tick(facets.getByRole('group', { name: 'Technology' }), `${CASE.sharedTechnology} (2)`);
    await g.page.waitForURL(/technology=/);
    const category = facets.getByRole('group', { name: 'Category' });
    await category.getByRole('checkbox', { name: 'Automation (1)' }).waitFor();
    await tick(category, 'Maintenance (1)');
    await g.page.waitForURL(/category=maintenance/);
    await g.page.getByRole('status').filter({ hasText: 'Use cases: 1' }).waitFor();
    const results = g.page.getByRole('region', { name: 'All use cases' }).locator('ol.case-list');
    await results.getByRole('link', { name: CASE.title }).waitFor();
    assert.equal(await results.getByRole('link', { name: NEIGHBOUR_CASE.title }).count(), 0);
    // Disjunctive counts: the category counts leave the category filter out, the technology counts do not.
    await category.getByRole('checkbox', { name: 'Automation (1)' }).waitFor();
    const technology = facets.getByRole('group', { name: 'Technology' });
    await technology.getByRole('checkbox', { name: `${CASE.newTechnology} (1)` }).waitFor();
    assert.equal(await technology.getByRole('checkbox', { name: /^PLC/ }).count(), 0);
    await assertNumericCounts(facets);
    await g.checkA11y('library filtered (guest)');
    filteredLibrary = g.page.url();

    // An Arabic search with a spelling variant (ه for ة, no hamza) finds it, with the match marked.
    await g.page.getByRole('navigation', { name: 'Use-case library pages' }).getByRole('link', { name: 'Advanced search' }).click();
    await g.page.getByRole('heading', { level: 1, name: 'Search use cases' }).waitFor();
    const box = g.page.getByRole('combobox', { name: 'Search words' });
    await box.fill('الصيانه التنبويه');
    await box.press('Enter');
    await g.page.waitForURL(/\/use-cases\/search\?.*q=/);
    const hit = g.page
      .getByRole('region', { name: 'Results' })
      .getByRole('article')
      .filter({ has: g.page.getByRole('link', { name: new RegExp(CASE.title) }) });
    await hit.waitFor();
    const marked = await hit.locator('mark').allTextContents();
    assert.ok(
      marked.some((text) => /\p{Script=Arabic}/u.test(text)),
      `an Arabic word is marked: ${marked.join(' | ')}`,
    );
    await g.page.getByText(/^Results: 1 \(in [\d,]+ ms\)$/).waitFor();
    await g.checkA11y('search results (guest)');
    searchPage = g.page.url();
  });

  it('a guest exports the filtered library and the search results as CSV and PDF, and the case on its own as PDF', async () => {
    assert.ok(filteredLibrary && searchPage, 'needs the library and search pages of the first journey');
    const g = await session();
    await g.page.goto(filteredLibrary);
    await g.page.getByRole('status').filter({ hasText: 'Use cases: 1' }).waitFor();

    // The filtered result set as CSV (Excel-ready) and as a PDF report.
    const csv = await captureDownload(g.page, () => openExportMenu(g.page, 'CSV (Excel-ready)'));
    assert.match(csv.fileName, /\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 byte order mark');
    const csvText = csv.bytes.subarray(3).toString('utf8');
    assert.ok(csvText.includes(CASE.title), 'the CSV holds the English title');
    assert.ok(csvText.includes(CASE.titleAr), 'the CSV holds the Arabic title exactly');
    assert.ok(!csvText.includes(NEIGHBOUR_CASE.title), 'the CSV holds only the filtered result set');
    const pdf = await captureDownload(g.page, () => openExportMenu(g.page, 'PDF report'));
    assert.match(pdf.fileName, /\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const listText = await pdfText(pdf.path);
    assert.match(listText, wordsInOrder(CASE.title), `the PDF holds the English title:\n${listText}`);
    assertArabicTitle(listText, 'the PDF report');
    assert.doesNotMatch(listText, wordsInOrder(NEIGHBOUR_CASE.title), 'the PDF holds only the filtered result set');

    // The search page exports its results.
    await g.page.goto(searchPage);
    const hit = g.page
      .getByRole('region', { name: 'Results' })
      .getByRole('article')
      .filter({ has: g.page.getByRole('link', { name: new RegExp(CASE.title) }) });
    await hit.waitFor();
    const searchCsv = await captureDownload(g.page, () => openExportMenu(g.page, 'CSV (Excel-ready)'));
    const searchCsvText = searchCsv.bytes.toString('utf8');
    assert.ok(
      searchCsvText.includes(CASE.titleAr) && !searchCsvText.includes(NEIGHBOUR_CASE.title),
      'the search export holds the search’s results',
    );

    // The case on its own, as a PDF from its page.
    await hit.getByRole('link', { name: new RegExp(CASE.title) }).click();
    await g.page.getByRole('heading', { level: 1, name: CASE.title }).waitFor();
    const single = await captureDownload(g.page, () => g.page.getByRole('link', { name: 'Export this case as PDF' }).click());
    assert.match(single.fileName, /\.pdf$/);
    const caseText = await pdfText(single.path);
    // The case's own PDF sets each title on one line: the words follow one another with nothing between.
    assert.match(caseText, wordsInOrder(CASE.title, 0), `the case PDF holds the English title:\n${caseText}`);
    assertArabicTitle(caseText, 'the case PDF');
    assert.match(caseText, wordsInOrder(CASE.titleAr, 0), `the case PDF holds the Arabic title as written:\n${caseText}`);
  });

  it('another company reports the case; a moderator hides it from the queue; readers then get not-found while the author sees it hidden', async () => {
    assert.ok(caseId, 'needs the case of the first journey');
    const r = neighbourSession;
    await r.page.goto(`/use-cases/${caseId}`);
    await r.page.getByRole('heading', { level: 1, name: CASE.title }).waitFor();
    await r.page.getByRole('button', { name: 'Report', exact: true }).click();
    const dialog = r.page.getByRole('dialog', { name: 'Report this use case' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await r.checkA11y('report dialog with an error');
    await dialog.getByRole('radio', { name: 'Inaccurate or misleading figures' }).check();
    await dialog.getByLabel('Details').fill('An ROI of 185% in seven months is not credible for this kind of retrofit.');
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await r.page.getByText('Thank you. Your report was sent and a moderator will review it.').waitFor();
    await r.page.reload();
    await r.page.getByText('You have already reported this case; a moderator will review it.').waitFor();
    assert.equal(await r.page.getByRole('button', { name: 'Report', exact: true }).count(), 0);
    await r.checkA11y('case already reported');

    // The moderator (the platform's superadmin) hides the case from the open queue.
    const m = await session();
    await signIn(m, superadmin.email, superadmin.password);
    await m.page.getByRole('button', { name: 'Account menu' }).click();
    await m.page.getByRole('link', { name: 'Moderation queue' }).click();
    await m.page.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
    assert.equal(await m.page.getByRole('tab', { name: 'Open' }).getAttribute('aria-selected'), 'true');
    const report = m.page
      .getByRole('tabpanel')
      .getByRole('listitem')
      .filter({ has: m.page.getByRole('heading', { name: CASE.title }) });
    await report.waitFor();
    await report.getByText('Inaccurate or misleading figures').waitFor();
    await report.getByText('is not credible for this kind of retrofit').waitFor();
    await report.getByText('Badr Al-Shehri').waitFor();
    await m.checkA11y('moderation queue');
    await report.getByLabel('Note').fill('Figures under review with the company.');
    await report
      .getByRole('group', { name: `Actions for ${CASE.title}` })
      .getByRole('button', { name: 'Hide the case' })
      .click();
    await m.page.getByText('No open reports. Well done.').waitFor();
    await m.page.getByRole('tab', { name: 'Hidden' }).click();
    const resolved = m.page
      .getByRole('tabpanel')
      .getByRole('listitem')
      .filter({ has: m.page.getByRole('heading', { name: CASE.title }) });
    await resolved.getByText('Case hidden').waitFor();
    await resolved.getByText('Figures under review with the company.').waitFor();
    await m.checkA11y('moderation queue (hidden)');

    // The reporter and a guest now get not-found; the library no longer lists it.
    r.expectConsoleError(/status of 404/);
    await r.page.reload();
    await r.page.getByRole('heading', { level: 1, name: 'Use case not available' }).waitFor();
    assert.equal(await r.page.getByRole('heading', { level: 1, name: CASE.title }).count(), 0);
    await r.checkA11y('hidden case (reporter)');
    const g = await session();
    g.expectConsoleError(/status of 404/);
    await g.page.goto(`/use-cases/${caseId}`);
    await g.page.getByRole('heading', { level: 1, name: 'Use case not available' }).waitFor();
    await g.page.getByRole('link', { name: 'Sign in to see cases shared with your organization' }).waitFor();
    await g.page.goto('/use-cases');
    await g.page.getByRole('status').filter({ hasText: 'Use cases: 1' }).waitFor();
    assert.equal(await g.page.getByRole('link', { name: CASE.title }).count(), 0);

    // The author still reads it, with the hidden banner.
    const a = authorSession;
    await a.page.goto(`/use-cases/${caseId}`);
    await a.page.getByRole('heading', { level: 1, name: CASE.title }).waitFor();
    await a.page
      .getByText('A moderator hid it: only its authors, their organization’s administrators and moderators can see it.')
      .waitFor();
    await a.checkA11y('hidden case (author)');
  });
});

/** The Arabic title's words come out of a PDF whole and in reading (logical) order, not reversed. */
function assertArabicTitle(text: string, what: string) {
  for (const word of ['الصيانة', 'التنبؤية', 'التبريد', 'الجبيل'])
    assert.match(text, wholeWord(word), `${what} holds the Arabic word ${word}:\n${text}`);
  assert.match(text, wordsInOrder(CASE.titleAr), `${what} holds the Arabic title's words in reading order:\n${text}`);
}
