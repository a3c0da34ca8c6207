import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'patient with a medicine list checks in with "Took <drug>" from their list',
  async run(world, violations) {
    const page = await signedInAs(world, world.demo.patients[2]!.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
    const took = page.getByRole('group', { name: 'From your medicine list' }).getByRole('button', { name: 'Took Pregabalin' });
    await took.click();
    await expectVisible(page.getByRole('button', { name: 'Remove Pregabalin' }), 'the picked medicine');
    await checkPage(page, 'check-in-medicine-list', violations);
    await page.getByRole('radio', { name: /^5 — / }).check();
    await page.getByRole('textbox', { name: 'Notes (optional)' }).fill('took it from my list');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after saving');
    const medicine = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
      return pulled.items.find((i: { entry: { notes: string } | null }) => i.entry?.notes === 'took it from my list')?.entry.medicines[0];
    });
    if (medicine?.formularyId !== 'pregabalin' || !medicine.medicationOrderId || medicine.dose !== 75 || medicine.unit !== 'mg') {
      throw new Error(`expected pregabalin 75 mg with its order id, got ${JSON.stringify(medicine)}`);
    }
  },
};
