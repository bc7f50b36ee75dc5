import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, toCsv } from '@/lib/csv';
import { programsToCsv } from '@/components/partner/sponsorships/programs-csv';
import { programFixture } from '../partner/sponsorship-fixtures';

/** Splits one CSV line the way a spreadsheet in a semicolon locale does: on `;` outside quotes. */
function cellsInSemicolonLocale(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) cells.push(cell), (cell = '');
    else cell += c;
  }
  return [...cells, cell];
}

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1+1', `"'+1+1"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    [';=1+1', `"';=1+1"`],
    [' =1+1', `"' =1+1"`],
    ['  \t@cmd', `"'  \t@cmd"`],
    ['"=1+1', `"'""=1+1"`],
    [`'=1+1`, `"''=1+1"`],
    [',=1+1', `"',=1+1"`],
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
  ])('neutralises %j as a formula and quotes it', (value, expected) => {
    expect(looksLikeFormula(value)).toBe(true);
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['Nairobi Readers', 'Nairobi Readers'],
    ['a;b', '"a;b"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['1+1=2', '1+1=2'],
    ['user@example.org', 'user@example.org'],
    ['-12.5', '-12.5'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as numbers, even negative ones, and nothing for null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1500)).toBe('1500');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('keeps `;=1+1` in one cell that is text, whether the spreadsheet splits on commas or semicolons', () => {
    const line = toCsv(['Name', 'Status'], [[';=1+1', 'DRAFT']]).split('\r\n')[1]!;
    expect(line).toBe(`"';=1+1",DRAFT`);
    // A semicolon locale sees one cell (the whole line) that starts with a quote mark: no formula anywhere.
    const cells = cellsInSemicolonLocale(line);
    expect(cells).toHaveLength(1);
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);
  });

  it('ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});

describe('programsToCsv', () => {
  it('neutralises a program name built to run as a formula', () => {
    const csv = programsToCsv([programFixture({ name: ';=1+1' }), programFixture({ id: 'p2', name: '=cmd|"/c calc"!A1' })]);
    const rows = csv.split('\r\n');
    expect(rows[1]).toMatch(/^"';=1\+1",/);
    expect(rows[2]).toMatch(/^"'=cmd\|""\/c calc""!A1",/);
  });
});
