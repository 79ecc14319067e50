import type { Session } from './browser.js';

let counter = 0;

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  company: string;
}

/** A new person with a unique email; names and company can be chosen. */
export function person(overrides: Partial<Omit<Person, 'email'>> = {}): Person {
  counter += 1;
  return {
    firstName: 'Sara',
    lastName: 'Al-Ghamdi',
    email: `sara.${Date.now()}.${counter}@jeddah-packaging.example`,
    password: 'Quartz-Falcon-2931',
    company: 'Jeddah Packaging Co.',
    ...overrides,
  };
}

/** Registers a company from the landing page, checking the pages on the way, and lands on the dashboard. */
export async function signUp(s: Session, p: Person) {
  const { page } = s;
  await page.goto('/');
  await s.checkA11y('landing');
  await page.getByRole('link', { name: 'Register your company' }).first().click();
  await page.waitForURL('**/sign-up');
  await s.checkA11y('sign-up');
  await page.getByLabel('First name').fill(p.firstName);
  await page.getByLabel('Last name').fill(p.lastName);
  await page.getByLabel('Work email').fill(p.email);
  await page.getByLabel('Password', { exact: false }).fill(p.password);
  await page.getByLabel('Company name').fill(p.company);
  await page.getByLabel('Industry', { exact: false }).selectOption('paper_packaging');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/dashboard');
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

export async function signIn(s: Session, email: string, password: string, rememberMe = false) {
  const { page } = s;
  await page.goto('/sign-in');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  if (rememberMe) await page.getByLabel('Keep me signed in for 30 days').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/dashboard');
}
