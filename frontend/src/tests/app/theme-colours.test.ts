import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A colour class whose name the theme does not define (text-danger, bg-surface-2, divide-border) compiles to nothing:
// errors in the default text colour, progress tracks without a track, dividers in white. This reads every class of
// that shape in the source and names the ones that are neither the theme's colours nor Tailwind's own.

const SRC = join(__dirname, '..', '..');
const themeColours = [...readFileSync(join(SRC, 'index.css'), 'utf8').matchAll(/--color-([a-z0-9-]+)\s*:/g)].map((m) => m[1]!);
const PALETTE = /^(slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\d{2,3}$/;
const KEYWORDS = new Set(['white', 'black', 'transparent', 'current', 'inherit']);
// The same prefixes name utilities that are not colours: sizes, sides, styles.
const NOT_COLOURS = /^(xs|sm|base|lg|[2-9]?xl|left|center|right|justify|start|end|wrap|nowrap|balance|pretty|clip|ellipsis|[trblxy](-\d+)?|\d+|collapse|separate|dashed|dotted|solid|double|none|hidden|inset|offset(-\d+)?|gradient-to-[a-z]+|cover|contain|fixed|local|scroll|no-repeat|repeat|center|clip-[a-z]+|origin-[a-z]+)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'tests' ? [] : sources(path);
    return /\.(tsx?|css)$/.test(name) ? [path] : [];
  });
}

function isColour(token: string): boolean {
  const name = token.replace(/\/\d+$/, '').replace(/^[trblxy]-/, ''); // border-t-brand: the top border's colour
  return themeColours.includes(name) || PALETTE.test(name) || KEYWORDS.has(name);
}

describe('colour classes', () => {
  it('the theme defines colours the classes use', () => {
    expect(themeColours).toEqual(expect.arrayContaining(['brand', 'brand-text', 'fg', 'line', 'elevated']));
  });

  it('every colour class names a colour of the theme or of Tailwind', () => {
    const unknown: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?<![\w-])(?:[a-z0-9-]+:)*(text|bg|border|divide|ring|fill|stroke|outline|decoration|accent|caret|placeholder)-([a-z][a-z0-9-]*(?:\/\d+)?)(?![\w-])/g)) {
        const token = m[2]!;
        if (NOT_COLOURS.test(token.replace(/\/\d+$/, '')) || isColour(token)) continue;
        unknown.push(`${relative(SRC, file)}: ${m[1]}-${token}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
