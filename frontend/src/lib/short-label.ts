/**
 * A user-typed name cut to fit where CSS cannot cut it: a <select>'s options size the control to the longest one,
 * so a 200-character program name would widen the page. The whole name stays in the option's title.
 */
export function shortLabel(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
