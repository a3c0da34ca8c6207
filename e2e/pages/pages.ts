// Page models: what a person does on each screen, by role-based locators.
import type { Page } from 'playwright-core';
import { expectVisible } from '../harness.ts';

export class SignInPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open() {
    await this.page.goto('/sign-in');
    await expectVisible(this.page.getByRole('heading', { name: 'Sign in' }), 'the sign-in page');
  }
  async signIn(email: string, password: string) {
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectVisible(this.page.getByRole('navigation', { name: 'Main' }), 'the main navigation after signing in');
  }
}

export class SignUpPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open() {
    await this.page.goto('/sign-up');
    await expectVisible(this.page.getByRole('heading', { name: 'Create your account' }), 'the sign-up page');
  }
  /** Types `city` into the time zone combobox and picks `zone` from its list by keyboard. */
  async pickTimeZone(city: string, zone: string) {
    const field = this.page.getByRole('combobox', { name: 'Time zone' });
    await field.fill(city);
    const option = this.page.getByRole('listbox', { name: 'Time zones' }).getByRole('option', { name: new RegExp(zone) });
    await expectVisible(option, `${zone} offered for "${city}"`);
    await field.press('ArrowDown');
    await field.press('Enter');
    const picked = await field.inputValue();
    if (picked !== zone) throw new Error(`the time zone field holds "${picked}", not ${zone}`);
  }
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
  constructor(page: Page) {
    this.page = page;
  }
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

export class PatientChartPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open(patientName: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await this.page.getByRole('link', { name: patientName }).click();
    await expectVisible(this.page.getByRole('heading', { name: patientName, level: 1 }), `${patientName}'s chart`);
  }
  async openTab(name: 'Overview' | 'Diary' | 'Questionnaires' | 'Plan' | 'Medicines') {
    await this.page.getByRole('tab', { name }).click();
    await expectVisible(this.page.getByRole('tabpanel', { name }), `the ${name} tab`);
  }
}

/** The chart's Medicines tab: draft orders are typed into numbered groups ("New medicine 1" …). */
export class MedicinesTab {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async addDraft(n: number, order: { drug: string; dose: string; timesPerDay: string }) {
    await this.page.getByRole('button', { name: 'Add a medicine' }).click();
    const group = this.page.getByRole('group', { name: `New medicine ${n}` });
    await group.getByRole('combobox', { name: 'Medicine' }).fill(order.drug);
    await group.getByRole('spinbutton', { name: 'Dose per administration (mg)' }).fill(order.dose);
    await group.getByRole('spinbutton', { name: 'Times a day' }).fill(order.timesPerDay);
  }
  flags() {
    return this.page.getByRole('list', { name: 'Safety flags' });
  }
}
