import { checkPage, DEMO_PASSWORD, expectFocused, expectVisible, newContext } from '../harness.ts';
import { SignInPage } from '../pages/pages.ts';
import type { Journey } from './journey.ts';

export const journey: Journey = {
  name: 'patient pages through the whole diary history, and deletes check-ins by keyboard: Undo takes focus and waits while it has it, and a delete survives a reload',
  async run(world, violations) {
    const patient = world.demo.patients[1]!; // six months of check-ins, not used by the other journeys
    const context = await newContext(world);
    const page = await context.newPage();
    // A controllable clock: time runs as usual, and fastForward shows what the toast does after its window.
    await page.clock.install();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(patient.email, DEMO_PASSWORD);
    const deletes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'DELETE') deletes.push(r.url());
    });
    // The app's pulls come in pages of 100 here (the server says hasMore), so six months take four pages.
    await page.route(
      (url) => url.pathname.endsWith('/diary-entries') && url.searchParams.get('limit') === '2000',
      (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set('limit', '100');
        return route.continue({ url: url.toString() });
      },
    );
    const server = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
      const live = pulled.items
        .filter((i: { entry: unknown }) => i.entry)
        .map((i: { entry: { localDate: string; localTime: string } }) => `${i.entry.localDate} ${i.entry.localTime}`)
        .sort();
      return { count: live.length as number, newest: live.at(-1) as string };
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary', exact: true }).click();
    const list = page.getByRole('list', { name: 'Diary' });
    const entries = list.getByRole('listitem');
    await expectVisible(entries, 'the diary history');
    // The heat map can be read by sight: a colour key (with "no check-in"), weekday and month labels.
    const key = page.getByRole('list', { name: 'Colours: average pain that day, 0 to 10' });
    for (const label of [
      'No check-in',
      'No pain (0)',
      'Mild (1–4; average under 4.5)',
      'Moderate (5–6; average 4.5 to under 6.5)',
      'Severe (7–10; average 6.5 or more)',
    ]) {
      await expectVisible(key.getByRole('listitem').filter({ hasText: label }), `"${label}" in the heat map's colour key`);
    }
    const heatLabels = await page.locator('svg.heatmap text').allTextContents();
    const thisMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: patient.timeZone }).format(new Date());
    for (const label of ['Mon', 'Wed', 'Sun', thisMonth])
      if (!heatLabels.includes(label)) throw new Error(`expected "${label}" on the heat map, found ${heatLabels.join(', ')}`);
    await expectVisible(page.getByText(/^From .+ to .+; each column is a week, Monday at the top\.$/), 'the dates the heat map covers');
    // The newest check-in first (it is on the last page), 50 shown, and older ones a button away.
    await expectVisible(
      entries.first().getByRole('button', { name: `Delete check-in of ${server.newest}` }),
      `the newest check-in (${server.newest}) first`,
    );
    await expectVisible(page.getByText(`Showing the newest 50 of ${server.count} check-ins.`), 'how many check-ins are shown');
    const older = page.getByRole('button', { name: /^Show older check-ins/ });
    await older.focus();
    await page.keyboard.press('Enter');
    await expectFocused(entries.nth(50), 'the first of the older check-ins shown');
    await expectVisible(page.getByText(`Showing the newest 100 of ${server.count} check-ins.`), 'a hundred check-ins shown');
    for (let shownNow = 100; shownNow < server.count; shownNow += 50) await older.press('Enter');
    await expectVisible(page.getByText(`Showing the newest ${server.count} of ${server.count} check-ins.`), 'every check-in shown');
    if ((await older.count()) !== 0) throw new Error('"Show older" is still offered with every check-in shown');
    if ((await entries.count()) !== server.count)
      throw new Error(`expected ${server.count} check-ins listed, found ${await entries.count()}`);
    const whenOf = async (n: number) =>
      (await entries
        .nth(n)
        .getByRole('button', { name: /^Delete check-in of / })
        .textContent())!.replace('Delete check-in of ', '');
    const [first, second] = [await whenOf(0), await whenOf(1)];
    const deleteFirst = list.getByRole('button', { name: `Delete check-in of ${first}` });
    await deleteFirst.focus();
    await page.keyboard.press('Enter');
    const undo = page.getByRole('button', { name: 'Undo' });
    await expectFocused(undo, 'Undo after deleting a check-in');
    await checkPage(page, 'diary-undo', violations);
    // Well past the Undo window: while the toast has focus, Undo stays offered and nothing is sent.
    await page.clock.fastForward(20_000);
    await expectFocused(undo, 'Undo still offered after the window while it has focus');
    if (deletes.length !== 0) throw new Error(`a delete was sent while Undo was offered: ${deletes.join()}`);
    await page.keyboard.press('Enter');
    await expectFocused(deleteFirst, "the restored check-in's Delete button after Undo");
    // Delete it again and close the toast with Escape: sent at once, focus on the next check-in.
    const sent = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), { timeout: 20_000 });
    await page.keyboard.press('Enter');
    await expectFocused(undo, 'Undo after deleting again');
    await page.keyboard.press('Escape');
    const sentStatus = (await sent).status();
    if (sentStatus !== 200) throw new Error(`the check-in was not deleted on the server (HTTP ${sentStatus})`);
    await expectFocused(list.getByRole('listitem').filter({ hasText: second }).first(), 'the next check-in once the toast is closed');
    if ((await list.getByRole('button', { name: `Delete check-in of ${first}` }).count()) !== 0)
      throw new Error('the deleted check-in is still listed');

    // Deleted, then the page reloaded within the Undo window: the delete is kept and sent.
    const third = await whenOf(1);
    await list.getByRole('button', { name: `Delete check-in of ${third}` }).click();
    await expectFocused(undo, 'Undo after deleting with the pointer');
    const afterReload = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), {
      timeout: 20_000,
    });
    await page.reload();
    await expectVisible(entries, 'the diary history after reloading');
    await page.clock.fastForward(10_000);
    const reloadStatus = (await afterReload).status();
    if (reloadStatus !== 200) throw new Error(`the delete made before the reload was not sent (HTTP ${reloadStatus})`);
    if ((await list.getByRole('button', { name: `Delete check-in of ${third}` }).count()) !== 0)
      throw new Error('the check-in deleted before the reload is listed again');
    const left = await page.evaluate(
      async (whens) => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
        return pulled.items.filter(
          (i: { entry: { localDate: string; localTime: string } | null }) =>
            i.entry && whens.includes(`${i.entry.localDate} ${i.entry.localTime}`),
        ).length;
      },
      [first, third],
    );
    if (left !== 0) throw new Error(`expected both deleted check-ins gone on the server, found ${left}`);

    // Changed on another device while Undo was still offered (nothing sent yet): the server refuses the
    // delete, the check-in comes back with the other device's change, and the person chooses.
    const fourth = await whenOf(0);
    const refused = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), {
      timeout: 20_000,
    });
    await list.getByRole('button', { name: `Delete check-in of ${fourth}` }).click();
    await expectFocused(undo, 'Undo after deleting a check-in changed elsewhere');
    const edited = await page.evaluate(async (when) => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
      const item = pulled.items.find(
        (i: { entry: { localDate: string; localTime: string } | null }) => i.entry && `${i.entry.localDate} ${i.entry.localTime}` === when,
      );
      const { id: _id, provenance, ...rest } = item.entry;
      return (
        await fetch(`/api/patients/${me.patient.id}/diary-entries/${item.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': `"${item.version}"`, 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ ...rest, mode: provenance.mode, notes: 'changed on the other device' }),
        })
      ).status;
    }, fourth);
    if (edited !== 200) throw new Error(`the other device's edit failed (HTTP ${edited})`);
    await undo.focus();
    await page.keyboard.press('Escape');
    if ((await refused).status() !== 409) throw new Error('expected the stale delete to be refused');
    const notMade = page.getByRole('list', { name: 'Deletes not made' });
    await expectVisible(
      notMade.getByText(`The check-in of ${fourth} was not deleted: it changed on another device.`, { exact: false }),
      'the refused delete explained',
    );
    await expectVisible(list.getByRole('button', { name: `Delete check-in of ${fourth}` }), 'the check-in back in the list');
    await checkPage(page, 'diary-delete-refused', violations);
    const anyway = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), {
      timeout: 20_000,
    });
    await notMade.getByRole('button', { name: `Delete the check-in of ${fourth} anyway` }).click();
    if ((await anyway).status() !== 200) throw new Error('expected "delete anyway" to delete the check-in');
    await notMade.waitFor({ state: 'detached' });
    await list.getByRole('button', { name: `Delete check-in of ${fourth}` }).waitFor({ state: 'detached' });

    // Notes, medicines, search and filter: a check-in with a long note and a medicine, made elsewhere.
    const longNote =
      'Swam twenty lengths at the leisure centre this morning, then sat in the sauna; the knees were easier all afternoon and I slept through the night.';
    const made = await page.evaluate(async (notes) => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
      const { id: _id, provenance, ...rest } = pulled.items.find((i: { entry: unknown }) => i.entry).entry;
      const naproxen = {
        name: 'Naproxen',
        dose: 250,
        unit: 'mg',
        takenAt: null,
        regimen: 'as-needed',
        formularyId: null,
        medicationOrderId: null,
      };
      return (
        await fetch(`/api/patients/${me.patient.id}/diary-entries/${crypto.randomUUID()}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ ...rest, mode: provenance.mode, intensity: 0, regions: [], notes, medicines: [naproxen] }),
        })
      ).status;
    }, longNote);
    if (made !== 201 && made !== 200) throw new Error(`the check-in with a note was not made (HTTP ${made})`);
    await page.reload();
    await expectVisible(entries, 'the diary history after the new check-in');
    const showing = await page.getByText(/^Showing the newest \d+ of \d+ check-ins\.$/).textContent();
    const total = Number(/of (\d+)/.exec(showing ?? '')?.[1]);
    const search = page.getByRole('searchbox', { name: 'Search notes, medicines and body areas' });
    await search.fill('LEISURE centre');
    await expectVisible(page.getByText(/^1 check-in matches, out of \d+\.$/), 'how many check-ins the search found');
    if ((await entries.count()) !== 1) throw new Error(`expected one check-in found, listed ${await entries.count()}`);
    const found = entries.first();
    await expectVisible(found.getByText('Took: Naproxen 250 mg'), 'the medicine taken');
    await expectVisible(found.getByText('Entered by you', { exact: true }), 'who entered it');
    if (await found.getByText(longNote, { exact: false }).count()) throw new Error('the long note is shown whole before asking');
    await expectVisible(found.getByText(/^Note: Swam twenty lengths .*…/), 'the note, shortened');
    await found.getByRole('button', { name: 'Show the whole note' }).click();
    await expectVisible(found.getByText(`Note: ${longNote}`), 'the whole note');
    await checkPage(page, 'diary-search', violations);
    // The filter narrows the whole history: only pain-free check-ins, then only those with a note.
    await search.fill('');
    await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption({ label: 'No pain (0)' });
    await expectVisible(found, 'the pain-free check-ins');
    const ratings = await list.locator('li > .entry-text > span:first-child strong').allTextContents();
    if (ratings.length === 0 || ratings.length >= total || ratings.some((r) => r !== '0/10'))
      throw new Error(`expected only pain-free check-ins, found ${ratings.join(', ')} (of ${total})`);
    await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption({ label: 'With a note' });
    await search.fill('sauna nothing-like-this');
    await expectVisible(page.getByText('No check-ins match.'), 'nothing found said');
    await page.getByRole('button', { name: 'Show all check-ins' }).click();
    await expectVisible(page.getByText(`Showing the newest 50 of ${total} check-ins.`), 'every check-in back after clearing');
    await expectFocused(search, 'the search box, kept while the list changes');
  },
};
