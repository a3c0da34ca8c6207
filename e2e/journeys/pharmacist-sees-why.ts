import { checkPage, expectVisible, newContext } from '../harness.ts';
import { PatientChartPage, SharingPage, SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'a pharmacist reads the medicines and is told why ordering and tapering are left to a prescriber',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    const name = `Rui ${unique()}`;
    await signUp.signUp(name, `rui-${unique()}@example.test`, PASSWORD);
    const sharing = new SharingPage(page);
    await sharing.open();
    await sharing.shareWithClinic(world.demo.clinic.shareCode, world.demo.clinic.name);

    const pharmacist = await signedInAs(world, 'pharmacist@demo.painwise.test');
    // The alerts inbox is not a pharmacist's: it is not offered.
    if ((await pharmacist.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).count()) !== 0)
      throw new Error('a pharmacist was offered the alerts inbox');
    const chart = new PatientChartPage(pharmacist);
    await chart.open(name);
    await chart.openTab('Medicines');
    await expectVisible(
      pharmacist.getByText(
        'Your role here (Pharmacist) does not include ordering medicines. Ask a prescriber of your team to make this change.',
      ),
      'why medicine orders are not offered',
    );
    await expectVisible(
      pharmacist.getByText(
        'Your role here (Pharmacist) does not include planning, pausing or resuming tapers. Ask a prescriber of your team to make this change.',
      ),
      'why tapers are not offered',
    );
    if ((await pharmacist.getByRole('button', { name: 'Plan the taper' }).count()) !== 0)
      throw new Error('a pharmacist was offered a taper');
    await checkPage(pharmacist, 'chart-medicines-pharmacist', violations);
    await chart.openTab('Plan');
    await expectVisible(
      pharmacist.getByText('Your role here (Pharmacist) does not include recording pain conditions.'),
      'why conditions are read only',
    );
    await expectVisible(
      pharmacist.getByText('Your role here (Pharmacist) does not include editing the care plan.'),
      'why the plan is read only',
    );
    await checkPage(pharmacist, 'chart-plan-pharmacist', violations);
  },
};
