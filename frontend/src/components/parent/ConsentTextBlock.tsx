import { Fragment } from 'react';
import { useTranslation } from '@/i18n/use-translation';

type Piece = { kind: 'text'; lines: string[] } | { kind: 'list'; items: string[] };

/** Splits one paragraph into runs of plain lines and runs of "- " list lines, keeping every line. */
function pieces(paragraph: string): Piece[] {
  const result: Piece[] = [];
  for (const line of paragraph.split('\n')) {
    const item = /^\s*[-•]\s+(.*)$/.exec(line);
    const last = result[result.length - 1];
    if (item) {
      if (last?.kind === 'list') last.items.push(item[1]!);
      else result.push({ kind: 'list', items: [item[1]!] });
    } else if (last?.kind === 'text') last.lines.push(line);
    else result.push({ kind: 'text', lines: [line] });
  }
  return result;
}

/**
 * The exact words the guardian signs, as the server stored them: paragraphs stay paragraphs, line
 * breaks stay line breaks and "- " lines read as a list. Nothing is shortened or reworded.
 */
export function ConsentTextBlock({ text, version, language }: { text: string; version: string; language?: string }) {
  const { t } = useTranslation();
  const paragraphs = text.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  return (
    <div className="flex flex-col gap-3">
      <div
        lang={language}
        data-testid="consent-text"
        data-language={language}
        className="flex flex-col gap-3 rounded-lg border border-line bg-app p-4 text-[15px] leading-relaxed text-fg"
      >
        {paragraphs.map((paragraph, i) => (
          <Fragment key={i}>
            {pieces(paragraph).map((piece, j) =>
              piece.kind === 'list' ? (
                <ul key={j} className="ml-5 list-disc space-y-1">
                  {piece.items.map((item, k) => (
                    <li key={k}>{item}</li>
                  ))}
                </ul>
              ) : (
                <p key={j} className="whitespace-pre-line">
                  {piece.lines.join('\n')}
                </p>
              ),
            )}
          </Fragment>
        ))}
      </div>
      <p className="text-xs text-fg-subtle">{t('consent.textVersion', { version })}</p>
    </div>
  );
}
