import ReactMarkdown, { type Components } from 'react-markdown';
import { Link } from 'react-router';

export interface MarkdownProps {
  children: string;
  /** Where a bare link (`[Team roles](team-roles)`, another article's slug) leads; absent: plain text. */
  articleHref?: (slug: string) => string;
}

const external = (href: string) => /^https?:\/\//.test(href);

/**
 * Help articles and lessons, written in markdown. react-markdown builds React elements (never innerHTML) and drops raw
 * HTML, so an article cannot inject script; `/docs` and web links open outside the SPA, a bare slug opens that article.
 */
export function Markdown({ children, articleHref }: MarkdownProps) {
  const components: Components = {
    h2: ({ children: c }) => <h3 className="mt-6 mb-2 text-base font-semibold text-fg">{c}</h3>,
    h3: ({ children: c }) => <h4 className="mt-4 mb-1.5 text-sm font-semibold text-fg">{c}</h4>,
    p: ({ children: c }) => <p className="my-2 leading-relaxed">{c}</p>,
    ul: ({ children: c }) => <ul className="my-2 list-disc space-y-1 pl-5">{c}</ul>,
    ol: ({ children: c }) => <ol className="my-2 list-decimal space-y-1 pl-5">{c}</ol>,
    strong: ({ children: c }) => <strong className="font-semibold text-fg">{c}</strong>,
    code: ({ children: c }) => <code className="rounded bg-elevated px-1 py-0.5 font-mono text-[0.85em] text-fg">{c}</code>,
    blockquote: ({ children: c }) => <blockquote className="my-3 border-l-2 border-brand pl-3 text-fg-muted">{c}</blockquote>,
    a: ({ href = '', children: c }) => {
      const cls = 'font-medium text-brand-text underline-offset-2 hover:underline';
      if (external(href) || href.startsWith('/')) {
        return (
          <a href={href} className={cls} {...(external(href) || href.startsWith('/docs') ? { target: '_blank', rel: 'noreferrer' } : {})}>
            {c}
          </a>
        );
      }
      return articleHref ? <Link to={articleHref(href)} className={cls}>{c}</Link> : <span>{c}</span>;
    },
  };
  return (
    <div className="text-sm text-fg-muted" data-testid="markdown">
      <ReactMarkdown components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
