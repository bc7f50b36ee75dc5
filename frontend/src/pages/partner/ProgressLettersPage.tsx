import { useState, type FormEvent } from 'react';
import { Download, FileArchive, Mail, Search, X } from 'lucide-react';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePrograms } from '@/services/partner/programs';
import {
  isRunning, letterPdfUrl, useCancelLetters, useGenerateLetters, useLetterBatch, useLetterBatches, useLetterPushes, useLetterTerms, useLetters, zipUrl,
  type LetterBatch,
} from '@/services/partner/progress-letters';

const BATCHES_PER_PAGE = 10;
const LETTERS_PER_PAGE = 20;
const URL_STATE = { batch: urlParam.string(), page: urlParam.page(), letters: urlParam.page(), search: urlParam.search() };

/** Program and term; the letters are written in the background and the batch opens at once with its progress. */
function GenerateForm({ onStarted }: { onStarted: (id: string) => void }) {
  const programs = usePrograms({ page: 1, pageSize: 100 });
  const terms = useLetterTerms();
  const generate = useGenerateLetters();
  const [programId, setProgramId] = useState('');
  const [term, setTerm] = useState('');
  const chosenProgram = programId || programs.data?.items.find((p) => p.status === 'ACTIVE')?.id || programs.data?.items[0]?.id || '';
  const chosenTerm = term || terms.data?.[0]?.id || '';
  const problem = generate.error && isApiError(generate.error) ? generate.error : null;

  if (programs.isPending || terms.isPending) return <PartnerLoadingSkeleton variant="lines" count={2} label="Loading programs and terms" />;
  if (programs.isError) return <QueryErrorState title="We couldn’t load your programs" error={programs.error} onRetry={() => void programs.refetch()} />;
  if (terms.isError) return <QueryErrorState title="We couldn’t load the school terms" error={terms.error} onRetry={() => void terms.refetch()} />;
  if (programs.data.items.length === 0)
    return <PartnerEmptyState icon={Mail} title="No programs yet" description="Create a sponsorship program: its consented children get a letter each term." testId="letters-no-programs" />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    generate.mutate({ programId: chosenProgram, term: chosenTerm }, { onSuccess: (r) => onStarted(r.id) });
  };

  return (
    <form className="card grid gap-3 p-4 sm:grid-cols-3 sm:p-5" onSubmit={submit} aria-label="Write progress letters" data-testid="letters-form">
      <label className="flex min-w-0 flex-col gap-1 text-sm">
        Program
        <select className="input" value={chosenProgram} onChange={(e) => setProgramId(e.target.value)} data-testid="letters-program">
          {programs.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-sm">
        School term
        <select className="input" value={chosenTerm} onChange={(e) => setTerm(e.target.value)} data-testid="letters-term">
          {terms.data.map((t) => <option key={t.id} value={t.id}>{`${t.name}${t.current ? ' (current)' : ''}`}</option>)}
        </select>
        {problem?.fieldErrors('term')[0] && <span className="text-xs text-brand-text">{problem.fieldErrors('term')[0]}</span>}
      </label>
      <div className="flex items-end">
        <button type="submit" className="btn-primary w-full" disabled={generate.isPending || !chosenProgram || !chosenTerm} data-testid="letters-generate">
          <Mail className="size-4" aria-hidden="true" /> {generate.isPending ? 'Starting…' : 'Write letters'}
        </button>
      </div>
      <p className="text-xs text-fg-muted sm:col-span-full">
        One letter per child whose parent or guardian has given consent; children without consent get none. Each letter carries your logo and colours.
      </p>
      {problem && !problem.errors && <p className="text-sm text-brand-text sm:col-span-full" role="alert" data-testid="letters-error">{problem.detail ?? problem.message}</p>}
    </form>
  );
}

function Progress({ batch }: { batch: LetterBatch }) {
  const cancel = useCancelLetters();
  return (
    <div className="flex flex-col gap-2" data-testid="letters-progress">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">
          {batch.stage ?? 'Waiting to start'}{batch.total > 0 ? ` · ${formatNumber(batch.done)} of ${formatNumber(batch.total)} letters` : ''}
        </p>
        <button type="button" className="btn-secondary" onClick={() => cancel.mutate(batch.id)} disabled={cancel.isPending} data-testid="letters-cancel">
          <X className="size-4" aria-hidden="true" /> Cancel
        </button>
      </div>
      <div className="h-2 w-full overflow-hidden rounded bg-line" role="progressbar" aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={batch.progress} aria-label="Letters written">
        <div className="h-full bg-brand transition-all" style={{ width: `${batch.progress}%` }} />
      </div>
    </div>
  );
}

/** An opened batch: its progress while it runs, then its letters (searchable, paged) with a download each and the ZIP. */
function BatchView({ id, page, search, onPage, onSearch }: { id: string; page: number; search: string; onPage: (p: number) => void; onSearch: (s: string) => void }) {
  const batch = useLetterBatch(id);
  const done = batch.data?.status === 'completed';
  const letters = useLetters(id, page, LETTERS_PER_PAGE, search, done);
  if (batch.isPending) return <PartnerLoadingSkeleton variant="lines" count={4} label="Loading the letters" />;
  if (batch.isError) return <QueryErrorState title="We couldn’t load these letters" error={batch.error} onRetry={() => void batch.refetch()} />;
  const b = batch.data;
  return (
    <section className="card flex flex-col gap-4 p-4 sm:p-5" aria-label="Letters" data-testid="letters-batch">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-base font-semibold" data-testid="letters-batch-title">{b.programName} · {b.termName}</h2>
          <p className="text-xs text-fg-muted">{formatDate(b.termStart)} – {formatDate(b.termEnd)} · asked {formatDateTime(b.requestedAt)}</p>
        </div>
        <span className="flex items-center gap-2">
          <PartnerBadge status={b.status} testId="letters-batch-status" />
          {done && b.total > 0 && (
            <a className="btn-secondary" href={zipUrl(b.id)} download data-testid="letters-zip"><FileArchive className="size-4" aria-hidden="true" /> Download all (ZIP)</a>
          )}
        </span>
      </div>
      {isRunning(b.status) && <Progress batch={b} />}
      {b.status === 'failed' && <p className="text-sm text-brand-text" role="alert">{b.error}</p>}
      {b.status === 'cancelled' && <p className="text-sm text-fg-muted">These letters were cancelled; write them again from the form above.</p>}
      {done && (b.total === 0 ? (
        <PartnerEmptyState compact icon={Mail} title="No letters in this batch" description="No child of this program had a guardian’s consent when the letters were written." testId="letters-none" />
      ) : (
        <>
          <label className="relative block max-w-sm">
            <span className="sr-only">Search by first name</span>
            <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-muted" aria-hidden="true" />
            <input className="input w-full pl-9" type="search" placeholder="Search by first name" value={search} onChange={(e) => onSearch(e.target.value)} data-testid="letters-search" />
          </label>
          {letters.isPending ? (
            <PartnerLoadingSkeleton variant="lines" count={5} label="Loading the letters" />
          ) : letters.isError ? (
            <QueryErrorState compact title="We couldn’t load the letters" error={letters.error} onRetry={() => void letters.refetch()} />
          ) : letters.data.items.length === 0 ? (
            <PartnerEmptyState compact icon={Search} title="No letter matches" description="Try another first name." testId="letters-no-match" />
          ) : (
            <ul className="divide-y divide-line" data-testid="letters-list">
              {letters.data.items.map((l) => (
                <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 text-sm font-medium">{l.firstName}</span>
                  <span className="flex items-center gap-3 text-xs text-fg-muted">
                    {l.pages} {l.pages === 1 ? 'page' : 'pages'} · {formatNumber(l.sizeBytes / 1024)} KB
                    <a className="btn-secondary px-2.5" href={letterPdfUrl(b.id, l.id)} download data-testid="letter-pdf">
                      {/* The visible word starts the accessible name, so a voice user can say "PDF" and be understood. */}
                      <Download className="size-4" aria-hidden="true" /> PDF<span className="sr-only"> of {l.firstName}’s letter</span>
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {letters.data && (
            <ListPager page={page} pages={Math.ceil(letters.data.total / LETTERS_PER_PAGE)} total={letters.data.total} noun="letters" onPage={onPage} />
          )}
        </>
      ))}
    </section>
  );
}

export default function ProgressLettersPage() {
  const [state, setState] = useUrlState(URL_STATE);
  const batches = useLetterBatches(state.page, BATCHES_PER_PAGE);
  useLetterPushes();

  return (
    <div className="flex flex-col gap-5">
      <PartnerPageHeader
        title="Progress Letters"
        description="A letter each term for every consented child of a program: learning areas and levels, time and streaks, achievements, your goals and a short narrative, in your branding."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Analytics' }, { label: 'Progress Letters' }]}
      />
      <GenerateForm onStarted={(id) => setState({ batch: id, letters: 1, search: '' })} />
      {state.batch && (
        <BatchView id={state.batch} page={state.letters} search={state.search} onPage={(letters) => setState({ letters })}
          onSearch={(search) => setState({ search, letters: 1 })} />
      )}
      <section className="card p-4 sm:p-5" aria-label="Letter batches">
        <h2 className="mb-3 text-base font-semibold">Letter batches</h2>
        {batches.isPending ? (
          <PartnerLoadingSkeleton variant="lines" count={4} label="Loading letter batches" />
        ) : batches.isError ? (
          <QueryErrorState title="We couldn’t load your letters" error={batches.error} onRetry={() => void batches.refetch()} testId="letters-batches-error" />
        ) : batches.data.items.length === 0 ? (
          <PartnerEmptyState compact icon={Mail} title="No letters yet" description="Choose a program and a term above to write this term’s letters." testId="letters-empty" />
        ) : (
          <ul className="divide-y divide-line" data-testid="letters-batches">
            {batches.data.items.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <button type="button" className="min-w-0 text-left text-sm font-medium underline-offset-2 hover:underline"
                  onClick={() => setState({ batch: b.id, letters: 1, search: '' })}>
                  {b.programName} · {b.termName}
                </button>
                <span className="flex items-center gap-2 text-xs text-fg-muted">
                  <PartnerBadge status={b.status} />
                  {formatNumber(b.total)} {b.total === 1 ? 'letter' : 'letters'} · {formatDateTime(b.completedAt ?? b.requestedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {batches.data && (
          <ListPager page={state.page} pages={Math.ceil(batches.data.total / BATCHES_PER_PAGE)} total={batches.data.total} noun="batches" onPage={(page) => setState({ page })} />
        )}
      </section>
    </div>
  );
}
