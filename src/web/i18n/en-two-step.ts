// English words for two-step sign-in (an authenticator app's codes and recovery codes) and for
// confirming who you are before a sensitive action.
export const enTwoStep = {
  'twoStep.title': 'Two-step sign-in',
  'twoStep.intro':
    'After your password, Painwise also asks for a 6-digit code from an authenticator app on your phone, so a stolen password alone cannot open your account.',
  'twoStep.on': 'Two-step sign-in is on.',
  'twoStep.off': 'Two-step sign-in is off.',
  'twoStep.codesLeft': '{count, plural, one {# recovery code left.} other {# recovery codes left.}}',
  'twoStep.start': 'Set up an authenticator app',
  'twoStep.setupSteps':
    'In your authenticator app, add an account with this key (or open the link on your phone). Then enter the 6-digit code it shows.',
  'twoStep.secret': 'Key',
  'twoStep.openInApp': 'Open in an authenticator app on this device',
  'twoStep.code': '6-digit code',
  'twoStep.codeHint': 'From your authenticator app. It changes every 30 seconds.',
  'twoStep.confirm': 'Turn on two-step sign-in',
  'twoStep.recoveryIntro':
    'Recovery codes: each one works once instead of a code, if you lose your phone. Keep them somewhere safe; they are shown only now.',
  'twoStep.recoveryDone': 'I have kept my recovery codes',
  'twoStep.regenerate': 'New recovery codes',
  'twoStep.regenerateIntro': 'New codes replace all your old ones.',
  'twoStep.disable': 'Turn off two-step sign-in',
  'twoStep.disableIntro': 'Enter your password and a code (or a recovery code) to turn it off.',
  'twoStep.disabled': 'Two-step sign-in is off.',
  'twoStep.enabled': 'Two-step sign-in is on.',
  'twoStep.recoveryCode': 'Recovery code',
  'twoStep.useRecovery': 'Use a recovery code instead',
  'twoStep.useCode': 'Use a code from the app instead',
  'twoStep.signInTitle': 'Enter your code',
  'twoStep.signInIntro': 'Open your authenticator app and enter the 6-digit code for Painwise.',
  'twoStep.signInRecoveryIntro': 'Enter one of your recovery codes. Each works once.',
  'twoStep.verify': 'Continue',
  'twoStep.startOver': 'Sign in again',
  'twoStep.requiredByClinic':
    '{clinic} asks every clinician and admin to use two-step sign-in. Turn it on to reach the clinic and its patients.',
  'twoStep.requiredLink': 'Set up two-step sign-in',
  'twoStep.requireForClinic': 'Require two-step sign-in of every clinician and admin',
  'reauth.title': 'Confirm it is you',
  'reauth.intro': 'For this, enter your password again.',
  'reauth.submit': 'Confirm',
  'reauth.cancel': 'Cancel',
} as const;
