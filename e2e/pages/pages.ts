// Page models: what a person does on each screen, by role-based locators.
import type { Page } from 'playwright-core';
import { expectVisible } from '../harness.ts';

export class SignInPage {
  readonly page: Page;
  constructor(page: Page) { this.page = page; }
  async open() { await this.page.goto('/sign-in'); await expectVisible(this.page.getByRole('heading', { name: 'Sign in' }), 'the sign-in page'); }
  async signIn(email: string, password: string) {
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(this.page.getByRole('navigation', { name: 'Main' }), 'the main navigation after signing in');
  }
}

export class SignUpPage {
  readonly page: Page;
  constructor(page: Page) { this.page = page; }
  async open() { await this.page.goto('/sign-up'); await expectVisible(this.page.getByRole('heading', { name: 'Create your account' }), 'the sign-up page'); }
  async signUp(name: string, email: string, password: string) {
    await this.page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(this.page.getByRole('heading', { name: 'Today' }), 'Today after sign-up');
  }
}

export class SharingPage {
  readonly page: Page;
  constructor(page: Page) { this.page = page; }
  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
    await expectVisible(this.page.getByRole('heading', { name: 'Sharing', level: 1 }), 'the sharing page');
  }
  async shareWithClinic(code: string, clinicName: string) {
    await this.page.getByRole('textbox', { name: 'Clinic share code' }).fill(code);
    await this.page.getByRole('button', { name: 'Share with clinic' }).click();
    await expectVisible(this.page.getByRole('list', { name: 'Clinics' }).getByText(clinicName), `${clinicName} in the list of clinics`);
  }
}
