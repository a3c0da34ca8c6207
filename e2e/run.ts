// `npm run e2e`: the browser journeys, one file each in journeys/. Prints one line per journey and
// closes with "N passed, N failed".
import { startWorld } from './harness.ts';
import { journey as signUpAndShare } from './journeys/sign-up-and-share.ts';
import { journey as signUpByEmail } from './journeys/sign-up-by-email.ts';
import { journey as invitationCode } from './journeys/invitation-code.ts';
import { journey as sameAsLastTime } from './journeys/same-as-last-time.ts';
import { journey as tookFromMedicineList } from './journeys/took-from-medicine-list.ts';
import { journey as offlineCheckIn } from './journeys/offline-check-in.ts';
import { journey as offlineInstalledApp } from './journeys/offline-installed-app.ts';
import { journey as blockDiary } from './journeys/block-diary.ts';
import { journey as earlierCheckInAndAccountDeletion } from './journeys/earlier-check-in-and-account-deletion.ts';
import { journey as flares } from './journeys/flares.ts';
import { journey as diaryHistoryPagingAndDelete } from './journeys/diary-history-paging-and-delete.ts';
import { journey as caregiverActsForPatient } from './journeys/caregiver-acts-for-patient.ts';
import { journey as readOnlyCaregiverBlockDiary } from './journeys/read-only-caregiver-block-diary.ts';
import { journey as clinicianLongDiary } from './journeys/clinician-long-diary.ts';
import { journey as clinicianTriagesPanel } from './journeys/clinician-triages-panel.ts';
import { journey as adminMembers } from './journeys/admin-members.ts';
import { journey as clinicianOpioidAndBenzodiazepine } from './journeys/clinician-opioid-and-benzodiazepine.ts';
import { journey as pacingAndNaloxoneCheck } from './journeys/pacing-and-naloxone-check.ts';
import { journey as naloxoneCheckTimeZone } from './journeys/naloxone-check-time-zone.ts';
import { journey as keyboardOnly } from './journeys/keyboard-only.ts';
import { journey as apiTokenLimits } from './journeys/api-token-limits.ts';
import { journey as twoStepSignIn } from './journeys/two-step-sign-in.ts';
import { journey as passkeySignIn } from './journeys/passkey-sign-in.ts';
import { journey as passkeyReauthentication } from './journeys/passkey-reauthentication.ts';
import { journey as phq9Item9Crisis } from './journeys/phq9-item-9-crisis.ts';
import { journey as clinicianAssignsQuestionnaires } from './journeys/clinician-assigns-questionnaires.ts';
import { journey as bodyMapZoom } from './journeys/body-map-zoom.ts';
import { bodyMapLabelsJourney } from './journeys/body-map-labels.ts';
import { checkInTypedJourney } from './journeys/check-in-typed.ts';
import type { Journey } from './journeys/journey.ts';
import { quietAndCurrentJourney } from './journeys/quiet-and-current.ts';
import { phoneNavigationJourney } from './journeys/phone-navigation.ts';
import { journey as insightsTrends } from './journeys/insights-trends.ts';
import { journey as insightsWhatWorks } from './journeys/insights-what-works.ts';
import { journey as pharmacistSeesWhy } from './journeys/pharmacist-sees-why.ts';
import { journey as visitPreparation } from './journeys/visit-preparation.ts';
import { journey as reportPdf } from './journeys/report-pdf.ts';
import { journey as intakeRedFlag } from './journeys/intake-red-flag.ts';

const journeys: Journey[] = [
  signUpAndShare,
  signUpByEmail,
  clinicianTriagesPanel,
  invitationCode,
  sameAsLastTime,
  tookFromMedicineList,
  offlineCheckIn,
  offlineInstalledApp,
  blockDiary,
  earlierCheckInAndAccountDeletion,
  flares,
  diaryHistoryPagingAndDelete,
  caregiverActsForPatient,
  readOnlyCaregiverBlockDiary,
  clinicianLongDiary,
  adminMembers,
  pharmacistSeesWhy,
  clinicianOpioidAndBenzodiazepine,
  pacingAndNaloxoneCheck,
  naloxoneCheckTimeZone,
  keyboardOnly,
  apiTokenLimits,
  twoStepSignIn,
  passkeySignIn,
  passkeyReauthentication,
  phq9Item9Crisis,
  clinicianAssignsQuestionnaires,
  bodyMapZoom,
  checkInTypedJourney,
  quietAndCurrentJourney,
  bodyMapLabelsJourney,
  phoneNavigationJourney,
  insightsTrends,
  insightsWhatWorks,
  visitPreparation,
  reportPdf,
  intakeRedFlag,
];

const world = await startWorld();
let passed = 0;
let failed = 0;
const allViolations: string[] = [];
try {
  // E2E_ONLY=<text> runs only the journeys whose name contains it (for working on one journey).
  for (const journey of journeys.filter((j) => !process.env.E2E_ONLY || j.name.includes(process.env.E2E_ONLY))) {
    const violations: string[] = [];
    const t0 = performance.now();
    try {
      await journey.run(world, violations);
      if (violations.length > 0) throw new Error(`accessibility violations:\n    ${violations.join('\n    ')}`);
      passed += 1;
      console.log(`✓ ${journey.name} (${Math.round(performance.now() - t0)} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`✗ ${journey.name}\n    ${(error as Error).message}`);
    }
    allViolations.push(...violations);
  }
} finally {
  await world.close();
}
console.log(`axe: ${allViolations.length} violation(s) on the pages visited; screenshots in e2e/screenshots/`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
