// Password rules per NIST SP 800-63B §5.1.1.2 (memorized secrets): at least 8 characters, no
// composition rules, compared against a list of commonly used passwords. The list is Mozilla's
// fxa-common-password-list (the 50,000 most common passwords of 8+ characters from a public corpus).
import commonPasswords from 'fxa-common-password-list';
import { AppError } from './errors.ts';

export const PASSWORD_MIN_LENGTH = 8;
/** NIST asks to allow at least 64; the cap only bounds hashing work. */
export const PASSWORD_MAX_LENGTH = 256;

export function checkNewPassword(password: string, pointer = '/password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new AppError('password-too-short', `Use at least ${PASSWORD_MIN_LENGTH} characters.`, {
      errors: [{ pointer, detail: `Use at least ${PASSWORD_MIN_LENGTH} characters.` }],
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new AppError('password-too-long', `Use at most ${PASSWORD_MAX_LENGTH} characters.`, {
      errors: [{ pointer, detail: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }],
    });
  }
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    const detail =
      'This password is one of the most commonly used, so it is easy to guess. Choose another — a few unrelated words work well.';
    throw new AppError('password-too-common', detail, { errors: [{ pointer, detail }] });
  }
}
