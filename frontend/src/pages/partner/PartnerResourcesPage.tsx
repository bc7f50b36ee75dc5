import { ArrowLeft, BookOpen, ChevronDown, Code2, ExternalLink, SearchX } from 'lucide-react';
import { Link } from 'react-router';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { Markdown } from '@/components/partner/support/Markdown';
import { cn } from '@/lib/cn';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useHelpArticle, useHelpArticles, useHelpCategories } from '@/services/partner/help';
import type { HelpArticleSummary } from '@/types/partner';

const URL_STATE = {
  q: urlParam.search(),
  category: urlParam.string(),
  article: urlParam.string(),
};

const articleHref = (slug: string) => `?article=${encodeURIComponent(slug)}`;

/** `/dashboard/partner/help-resources`: guides and FAQs searched on the server, one article at a time, and the API reference. */
export default function PartnerResourcesPage() {
  const [{ q, category, article }, setUrl] = useUrlState(URL_STATE);
  const [search, setSearch] = useSearchDraft(q, (text) => setUrl({ q: text, article: '' }));
  const categories = useHelpCategories();
  const docsUrl = categories.data?.apiDocsUrl ?? '/docs';

  return (
    <>
      <PartnerPageHeader
        title="Help & Resources"
        description="Guides and answers for your team: sponsoring children, consent, payments, reports, roles and data protection."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Support' }, { label: 'Resources' }]}
        actions={
          <a href={docsUrl} target="_blank" rel="noreferrer" className="btn-secondary" data-testid="api-docs-link">
            <Code2 className="size-4" aria-hidden="true" />
            API reference
            <ExternalLink className="size-3.5" aria-hidden="true" />
          </a>
        }
      />

      <div className="mb-5 flex flex-col gap-3">
        <label className="sr-only" htmlFor="help-search">Search help</label>
        <input
          id="help-search"
          type="search"
          className="input max-w-xl"
          placeholder="Search help, e.g. “M-Pesa prompt” or “withdraw consent”"
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="help-search"
        />
        {categories.data && (
          <div className="flex flex-wrap gap-2" role="group" aria-label="Categories">
            {[{ key: '', label: 'All topics' }, ...categories.data.items].map((c) => (
              <button
                key={c.key}
                type="button"
                aria-pressed={category === c.key}
                onClick={() => setUrl({ category: c.key, article: '' })}
                className={cn(
                  'rounded-full border px-3 py-1 text-xs font-medium transition-colors',
                  category === c.key ? 'border-brand bg-brand/15 text-fg' : 'border-line text-fg-muted hover:border-line-strong hover:text-fg',
                )}
              >
                {c.label}
              </button>
            ))}
          </div>
        )}
      </div>

      {article ? (
        <ArticleView slug={article} onBack={() => setUrl({ article: '' })} />
      ) : (
        <HelpLists q={q} category={category} onClear={() => setUrl({ q: '', category: '' })} />
      )}

      <section className="card mt-6 flex flex-col gap-2 p-5 sm:flex-row sm:items-center sm:justify-between" aria-label="API documentation">
        <div>
          <h2 className="text-sm font-semibold text-fg">Building an integration?</h2>
          <p className="text-sm text-fg-muted">Every partner route, with its request and response, is in the interactive API reference.</p>
        </div>
        <a href={docsUrl} target="_blank" rel="noreferrer" className="btn-primary shrink-0">
          Open the API docs
          <ExternalLink className="size-3.5" aria-hidden="true" />
        </a>
      </section>
    </>
  );
}

function HelpLists({ q, category, onClear }: { q: string; category: string; onClear: () => void }) {
  const guides = useHelpArticles({ q, category, kind: 'guide', pageSize: 50 });
  const faqs = useHelpArticles({ q, category, kind: 'faq', pageSize: 50 });

  if (guides.isError || faqs.isError) {
    const failed = guides.isError ? guides : faqs;
    return <QueryErrorState title="We couldn’t load the help articles" error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />;
  }
  if (guides.isPending || faqs.isPending) return <PartnerLoadingSkeleton variant="lines" count={6} label="Loading help articles" />;
  if (guides.data.total + faqs.data.total === 0) {
    return (
      <PartnerEmptyState
        icon={SearchX}
        title={q ? `No help matches “${q}”` : 'No articles in this topic yet'}
        description="Try fewer or different words, or look in all topics. If you still cannot find an answer, open a support ticket."
        action={<button type="button" className="btn-secondary" onClick={onClear}>Clear search</button>}
        testId="help-empty"
      />
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <section className="lg:col-span-3" aria-labelledby="guides-heading">
        <h2 id="guides-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-fg-subtle">
          Guides <span className="tabular-nums">({guides.data.total})</span>
        </h2>
        {guides.data.total === 0 ? (
          <p className="text-sm text-fg-muted">No guides match; see the answers alongside.</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="guide-list">
            {guides.data.items.map((a) => <GuideCard key={a.slug} article={a} />)}
          </ul>
        )}
      </section>
      <section className="lg:col-span-2" aria-labelledby="faq-heading">
        <h2 id="faq-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-fg-subtle">
          Frequently asked <span className="tabular-nums">({faqs.data.total})</span>
        </h2>
        {faqs.data.total === 0 ? (
          <p className="text-sm text-fg-muted">No questions match.</p>
        ) : (
          <div className="card divide-y divide-line" data-testid="faq-list">
            {faqs.data.items.map((f) => (
              <details key={f.slug} className="group px-4 py-3" data-testid={`faq-${f.slug}`}>
                <summary className="flex cursor-pointer list-none items-start justify-between gap-3 text-sm font-medium text-fg">
                  {f.title}
                  <ChevronDown className="mt-0.5 size-4 shrink-0 text-fg-subtle transition-transform group-open:rotate-180" aria-hidden="true" />
                </summary>
                <div className="pt-2">
                  <Markdown articleHref={articleHref}>{f.body}</Markdown>
                </div>
              </details>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function GuideCard({ article }: { article: HelpArticleSummary }) {
  return (
    <li>
      <Link
        to={articleHref(article.slug)}
        className="card flex gap-3 p-4 transition-colors hover:border-line-strong focus-visible:border-brand"
        data-testid={`guide-${article.slug}`}
      >
        <span className="grid size-9 shrink-0 place-items-center rounded-lg bg-brand/15 text-brand-text" aria-hidden="true">
          <BookOpen className="size-4" />
        </span>
        <span className="min-w-0">
          <span className="block text-sm font-semibold text-fg">{article.title}</span>
          <span className="mt-0.5 block text-sm text-fg-muted">{article.snippet ?? article.summary}</span>
        </span>
      </Link>
    </li>
  );
}

function ArticleView({ slug, onBack }: { slug: string; onBack: () => void }) {
  const article = useHelpArticle(slug);
  if (article.isError)
    return <QueryErrorState title="We couldn’t open this article" error={article.error} onRetry={() => void article.refetch()} retrying={article.isFetching} />;
  if (article.isPending) return <PartnerLoadingSkeleton variant="lines" count={8} label="Loading the article" />;
  const a = article.data;
  return (
    <div className="grid gap-6 lg:grid-cols-4">
      <article className="card p-5 sm:p-6 lg:col-span-3" data-testid="help-article">
        <button type="button" className="btn-ghost -ml-2 mb-3 px-2 py-1 text-xs" onClick={onBack}>
          <ArrowLeft className="size-3.5" aria-hidden="true" />
          All help
        </button>
        <p className="text-xs font-medium uppercase tracking-wide text-brand-text">{a.categoryLabel}</p>
        <h2 className="mt-1 text-xl font-semibold text-fg">{a.title}</h2>
        {a.summary && <p className="mt-1 text-sm text-fg-muted">{a.summary}</p>}
        <div className="mt-4 border-t border-line pt-2">
          <Markdown articleHref={articleHref}>{a.body}</Markdown>
        </div>
      </article>
      {a.related.length > 0 && (
        <aside aria-label="Related articles" className="lg:col-span-1">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-fg-subtle">Related</h2>
          <ul className="flex flex-col gap-1.5 text-sm">
            {a.related.map((r) => (
              <li key={r.slug}>
                <Link to={articleHref(r.slug)} className="text-fg-muted hover:text-fg">{r.title}</Link>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}
