// What a password must be: checked by the forms, the shell's user:add and the demo set-up alike.

export const PASSWORD_RULES = 'at least 10 characters, not only letters or only digits';

/** Null when the password is acceptable, else the reason. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return `Use ${PASSWORD_RULES}.`;
  if (password.length > 200) return 'Use at most 200 characters.';
  if (/^[a-zA-Z]+$/.test(password) || /^\d+$/.test(password)) return `Use ${PASSWORD_RULES}.`;
  return null;
}
