export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hints: string[];
}

/**
 * A quick estimate shown while typing; the server's password rules decide. Length counts most; mixing kinds of
 * characters helps; a password made of one repeated character or a run like 12345678 does not.
 */
const LABELS = ['Too weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;

export function passwordStrength(password: string): Strength {
  const hints: string[] = [];
  if (password.length < 8) hints.push('Use at least 8 characters.');
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 3) hints.push('Mix upper and lower case letters, digits and symbols.');
  const weak = /^(.)\1*$/.test(password) || /^(?:0123456789|1234567890|abcdefgh|password|qwertyui)/i.test(password);
  if (weak) hints.push('Avoid common words and runs of characters.');
  let score = 0;
  if (password.length >= 8) score++;
  if (password.length >= 12) score++;
  if (kinds >= 3) score++;
  if (password.length >= 16 || (kinds === 4 && password.length >= 10)) score++;
  if (weak) score = Math.min(score, 1);
  const s = Math.min(score, 4) as Strength['score'];
  return { score: s, label: LABELS[s], hints };
}
