// A patient with three months of daily check-ins makes the report for their doctor from the keyboard:
// the period and sections chosen on the Report screen, notes left out by default, a wrong period
// shown beside its field, then the PDF downloaded and read back with poppler (tagged, at most two
// pages, the sections' headings, no notes). Its first page is turned into a PNG for the screenshots.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPage, expectFocused, expectVisible, SCREENSHOTS } from '../harness.ts';
import { type Journey, newPatient } from './journey.ts';

const NOTE = 'Gardening for an hour';

export const journey: Journey = {
  name: 'patient downloads a two-page tagged report PDF for the doctor',
  async run(world, violations) {
    const page = await newPatient(world);
    // Seeded through the API as the app's own session: 90 days, pain easing from 7 to 4, the low
    // back marked every day and a note every week.
    const status = await page.evaluate(async (note) => {
      const me = await (await fetch('/api/me')).json();
      const zone = me.patient.timeZone as string;
      const dateBack = (n: number) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short' }).format(new Date(Date.now() - n * 86_400_000));
      const items = [];
      for (let n = 89; n >= 0; n--) {
        const intensity = n > 60 ? 7 : n > 30 ? 6 : 4;
        items.push({
          id: crypto.randomUUID(),
          entry: {
            localDate: dateBack(n),
            localTime: '00:00',
            timeZone: zone,
            recordedAt: new Date().toISOString(),
            mode: 'recalled',
            intensity,
            regions: [{ code: 'lumbar-spine', intensity, qualities: ['aching'] }],
            interference: { activity: intensity - 1, sleep: 3, mood: 2, stress: 3 },
            notes: n % 7 === 0 ? note : '',
          },
        });
      }
      const res = await fetch(`/api/patients/${me.patient.id}/diary-entries/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ items }),
      });
      return res.status;
    }, NOTE);
    if (status !== 200) throw new Error(`seeding the diary failed: ${status}`);

    await page.getByRole('link', { name: 'Report' }).first().click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Report for your doctor' }), 'the Report heading');
    const notes = page.getByRole('checkbox', { name: 'Notes' });
    if (await notes.isChecked()) throw new Error('notes should start unchosen');
    if (!(await page.getByRole('checkbox', { name: 'Summary' }).isChecked())) throw new Error('the summary should start chosen');

    // A period that ends before it starts is refused beside its field, before anything is asked of the server.
    const from = page.getByLabel('From');
    const to = page.getByLabel('To');
    const chosenTo = await to.inputValue();
    const chosenFrom = await from.inputValue();
    await to.fill(chosenFrom);
    await from.fill(chosenTo);
    const download = page.getByRole('button', { name: 'Download the report (PDF)' });
    await download.focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByText('The end must be on or after the start.').first(), 'the order error');
    await from.fill(chosenFrom);
    await to.fill(chosenTo);

    // Downloaded from the keyboard.
    await download.focus();
    await expectFocused(download, 'the download button');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const pdf = readFileSync(await file.path());
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    if (!/^Tagged:\s+yes$/m.test(info)) throw new Error(`expected a tagged PDF:\n${info}`);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    if (!(pages >= 1 && pages <= 2)) throw new Error(`expected at most two pages, got ${pages}`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
    for (const heading of ['Summary', 'Pain and function trends', 'Where it hurts', 'Questions for the visit']) {
      if (!text.includes(heading)) throw new Error(`expected "${heading}" in the PDF`);
    }
    if (!text.includes('90 of 90')) throw new Error('expected 90 of 90 days with a check-in');
    if (text.includes(NOTE)) throw new Error('notes were not chosen but are in the PDF');

    // The first page as a picture, beside the screens' screenshots.
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', '-', path.join(SCREENSHOTS, 'report-pdf-page-1')], {
      input: pdf,
    });
    await checkPage(page, 'report', violations);
  },
};
