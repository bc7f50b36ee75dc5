import type { ReactNode } from 'react';

/**
 * The small Markdown a narrative uses (paragraphs, bullet and numbered lists, **bold**, *italic*, `code`), turned into
 * React elements. Everything else stays text: HTML is shown as the characters it is made of, never parsed, links keep
 * only their words and images their description, so a model's answer cannot inject markup, script or a destination.
 * Written here rather than with react-markdown, which would put the dashboard and the child page over their bundle budgets.
 */
export function renderNarrative(text: string): ReactNode[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return blocks.map((block, i) => {
    const lines = block.split('\n').map((l) => l.trim());
    if (lines.every((l) => /^[-*+]\s+/.test(l)))
      return (
        <ul key={i} className="my-1.5 list-disc space-y-1 pl-5">
          {lines.map((l, j) => <li key={j}>{inline(l.replace(/^[-*+]\s+/, ''))}</li>)}
        </ul>
      );
    if (lines.every((l) => /^\d+[.)]\s+/.test(l)))
      return (
        <ol key={i} className="my-1.5 list-decimal space-y-1 pl-5">
          {lines.map((l, j) => <li key={j}>{inline(l.replace(/^\d+[.)]\s+/, ''))}</li>)}
        </ol>
      );
    const heading = /^#{1,6}\s+/.test(lines[0] ?? '');
    return (
      <p key={i} className={heading ? 'my-1.5 font-semibold text-fg first:mt-0 last:mb-0' : 'my-1.5 leading-relaxed first:mt-0 last:mb-0'}>
        {inline(lines.join(' ').replace(/^#{1,6}\s+/, ''))}
      </p>
    );
  });
}

const TOKEN = /(!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\))|(\*\*([^*]+)\*\*)|(__([^_]+)__)|(\*([^*\s][^*]*)\*)|(_([^_\s][^_]*)_)|(`([^`]+)`)/g;

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const key = out.length;
    if (m[1] !== undefined) out.push(m[2] ?? '');
    else if (m[4] !== undefined || m[6] !== undefined) out.push(<strong key={key} className="font-semibold text-fg">{m[4] ?? m[6]}</strong>);
    else if (m[8] !== undefined || m[10] !== undefined) out.push(<em key={key}>{m[8] ?? m[10]}</em>);
    else if (m[12] !== undefined) out.push(<code key={key} className="rounded bg-elevated px-1 font-mono text-[0.85em]">{m[12]}</code>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
