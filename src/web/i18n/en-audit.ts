// English words for audit actions (the access log a patient reads, a clinic's audit page): the stable
// action ids the server records (`thing.verb`) said as what someone did. An id without words here is
// shown as "Other activity" with the id, so nothing is hidden.
const documents = (thing: string, things: string) => ({
  create: `Added ${thing}`,
  read: `Looked at ${thing}`,
  list: `Looked at the list of ${things}`,
  update: `Changed ${thing}`,
  delete: `Deleted ${thing}`,
});
const words = (prefix: string, forms: Record<string, string>) =>
  Object.fromEntries(Object.entries(forms).map(([verb, text]) => [`audit.${prefix}.${verb}`, text]));

export const enAudit = {
  'audit.other': 'Other activity ({action})',
  ...words('diary-entry', { ...documents('a diary check-in', 'diary check-ins'), pull: 'Synced the diary' }),
  ...words('diary', { export: 'Downloaded the diary', import: 'Imported check-ins into the diary' }),
  ...words('records', { pull: 'Synced the record' }),
  ...words('day-summary', { read: 'Looked at daily summaries' }),
  ...words('what-works', { read: 'Looked at what works (patterns in the diary)' }),
  ...words('flare', documents('a flare', 'flares')),
  ...words('coverage_readiness', { read: 'Checked the record against the coverage criteria for a procedure' }),
  ...words('visit', { ...documents('a visit', 'visits'), prepare: 'Looked at the preparation for a visit' }),
  ...words('intake', documents('an intake for a first consultation', 'intakes')),
  ...words('block_diary', documents('a block diary', 'block diaries')),
  ...words('condition', documents('a condition', 'conditions')),
  ...words('mechanism_assessment', documents('a pain-mechanism assessment', 'pain-mechanism assessments')),
  ...words('medication_order', documents('a medicine order', 'medicine orders')),
  ...words('medication_summary', { read: 'Looked at the medicine summary' }),
  ...words('procedure', documents('a procedure', 'procedures')),
  ...words('conservative_care', documents('a record of conservative care', 'conservative care')),
  ...words('taper_plan', {
    ...documents('a taper plan', 'taper plans'),
    pause: 'Paused a taper plan',
    resume: 'Resumed a taper plan',
    stop: 'Stopped a taper plan',
  }),
  ...words('naloxone_check', {
    ...documents('the naloxone check', 'naloxone checks'),
    read: 'Looked at the naloxone check',
    update: 'Answered the naloxone check',
  }),
  ...words('as_needed_use', { read: 'Looked at as-needed medicine use' }),
  ...words('care_plan', {
    read: 'Looked at the care plan',
    list: 'Looked at earlier versions of the care plan',
    save: 'Saved the care plan',
  }),
  ...words('care_plan.progress', { read: 'Looked at care plan progress' }),
  ...words('insight.trends', { read: 'Looked at trends in Insights' }),
  ...words('report', { read: 'Made a report for a visit (PDF)' }),
  ...words('care_plan.pacing_session', {
    read: 'Looked at pacing sessions',
    create: 'Logged a pacing session',
    update: 'Changed a pacing session',
  }),
  ...words('instrument', { list: 'Looked at the questionnaires' }),
  ...words('instrument.definition', { read: 'Looked at a questionnaire' }),
  ...words('instrument-response', {
    create: 'Answered a questionnaire',
    read: 'Looked at a questionnaire answer',
    list: 'Looked at questionnaire answers',
  }),
  ...words('instrument-assignment', {
    create: 'Assigned a questionnaire',
    cancel: 'Cancelled an assigned questionnaire',
    list: 'Looked at assigned questionnaires',
    due: 'A questionnaire became due',
    complete: 'An answer completed an assigned questionnaire',
  }),
  ...words('instrument-due', { list: 'Looked at questionnaires due' }),
  ...words('instrument-licence', { enable: 'Turned on a questionnaire licence', disable: 'Turned off a questionnaire licence' }),
  ...words('patient', {
    create: 'Created the record',
    read: 'Opened the record',
    update: 'Changed the record details',
    list: 'Looked at the patient list',
    'panel-summary': "Saw a summary on the clinic's patient list (pain, questionnaires, medicines)",
    invite: 'Invited a patient to share',
  }),
  ...words('care-relationship', {
    grant: 'Started sharing with a clinic',
    revoke: 'Stopped sharing with a clinic',
    list: 'Looked at clinic sharing',
  }),
  ...words('caregiver', {
    invite: 'Invited a caregiver',
    accept: 'A caregiver accepted an invitation',
    revoke: "Ended a caregiver's access",
    list: 'Looked at caregivers',
  }),
  ...words('alert', { list: 'Looked at alerts', acknowledge: 'Acknowledged an alert' }),
  ...words('member', {
    invite: 'Invited a member',
    join: 'A member joined',
    'change-role': "Changed a member's role",
    remove: 'Removed a member',
  }),
  ...words('organization', {
    create: 'Created the clinic',
    'rotate-share-code': "Changed the clinic's share code",
    'second-factor.require': 'Required two-step sign-in of every clinician and admin',
    'second-factor.allow-without': 'Stopped requiring two-step sign-in',
    'role-settings': "Changed what the clinic's roles may do",
  }),
  ...words('account', { delete: 'Deleted an account' }),
  ...words('maintenance', { prune: 'Routine clean-up' }),
} as Record<`audit.${string}`, string>;
