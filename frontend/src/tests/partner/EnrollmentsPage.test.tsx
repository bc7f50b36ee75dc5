import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import EnrollmentsPage from '@/pages/partner/EnrollmentsPage';
import { createTestQueryClient, json, mockFetch, partnerUser, renderWithProviders } from '../test-utils';
import { dryRunFixture, paged, programFixture, PROGRAM_ID } from './sponsorship-fixtures';

const PROGRAMS = '/api/v1/partner/sponsorships/programs';
const COHORTS = '/api/v1/partner/enrollments/cohorts';

interface Upload {
  url: string;
  headers: Record<string, string>;
  form: FormData;
}

type Reply = { status: number; body: unknown } | (() => { status: number; body: unknown });

/**
 * Stands in for XMLHttpRequest (the upload uses it for progress events): records each request,
 * reports upload progress, then answers from `replies` by path.
 */
function fakeXhr(replies: Record<string, Reply>) {
  const uploads: Upload[] = [];
  class FakeXMLHttpRequest {
    upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    withCredentials = false;
    status = 0;
    statusText = '';
    responseText = '';
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(form: FormData) {
      uploads.push({ url: this.url, headers: this.headers, form });
      const reply = replies[this.url];
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent);
        this.upload.onload?.();
        const answer = typeof reply === 'function' ? reply() : (reply ?? { status: 404, body: { title: 'Not found' } });
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      }, 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXMLHttpRequest);
  return uploads;
}

const cohortsFixture = {
  weeks: 3,
  programs: [
    {
      programId: PROGRAM_ID,
      programName: 'Kisumu Lakeside Readers',
      status: 'ACTIVE',
      weeks: [
        { weekStart: '2026-11-02', asOf: '2026-11-09T00:00:00+03:00', pendingConsent: 10, active: 0, removed: 0, enrolled: 10 },
        { weekStart: '2026-11-09', asOf: '2026-11-16T00:00:00+03:00', pendingConsent: 6, active: 5, removed: 1, enrolled: 11 },
        { weekStart: '2026-11-16', asOf: '2026-11-20T09:00:00+03:00', pendingConsent: 3, active: 9, removed: 1, enrolled: 12 },
      ],
    },
  ],
};

function renderPage() {
  return renderWithProviders(<EnrollmentsPage />, { route: '/dashboard/partner/enrollments', queryClient: createTestQueryClient(partnerUser) });
}

const csv = (name = 'kisumu-term-3.csv') => new File(['admission_number,school,program\nLKP/1204,Lakeside Kisumu Primary School,Kisumu Lakeside Readers\n'], name, { type: 'text/csv' });

describe('EnrollmentsPage', () => {
  it('checks a dropped file and lists every row with its outcome; commit stays disabled while rows have problems', async () => {
    const user = userEvent.setup();
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    mockFetch({ [PROGRAMS]: json(paged([programFixture({ status: 'ACTIVE' })])), [COHORTS]: json(cohortsFixture) });
    const uploads = fakeXhr({ '/api/v1/partner/enrollments/imports/dry-run': { status: 200, body: dryRunFixture() } });
    renderPage();

    await user.upload(screen.getByTestId('file-input'), csv());
    expect(screen.getByTestId('chosen-file')).toHaveTextContent('kisumu-term-3.csv');
    const preview = await screen.findByTestId('dry-run-preview');

    // The file went as multipart form data, with the antiforgery header.
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.headers['X-XSRF-TOKEN']).toBe('token-123');
    expect((uploads[0]!.form.get('file') as File).name).toBe('kisumu-term-3.csv');
    expect(uploads[0]!.form.get('programId')).toBeNull();

    expect(within(preview).getByTestId('count-total')).toHaveTextContent('3');
    expect(within(preview).getByTestId('count-ok')).toHaveTextContent('1');
    expect(within(preview).getByTestId('count-errors')).toHaveTextContent('2');
    expect(within(within(preview).getByTestId('by-program')).getByRole('row', { name: 'Kisumu Lakeside Readers 1 31' })).toBeInTheDocument();

    // With problems, the table opens on them; each has its badge and message.
    expect(within(preview).getByTestId('only-problems')).toBeChecked();
    const table = within(preview).getByRole('table', { name: 'Rows of kisumu-term-3.csv' });
    let rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('row-outcome')).toHaveTextContent('Student not found');
    expect(rows[0]).toHaveTextContent('No student with admission number LKP/9999 at this school.');
    expect(within(rows[1]!).getByTestId('row-outcome')).toHaveTextContent('Duplicate in file');

    await user.click(within(preview).getByTestId('only-problems'));
    rows = within(within(preview).getByRole('table', { name: 'Rows of kisumu-term-3.csv' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByTestId('row-outcome').textContent)).toEqual(['Ready', 'Student not found', 'Duplicate in file']);

    expect(screen.getByTestId('commit-import')).toBeDisabled();
    expect(screen.getByTestId('commit-hint')).toHaveTextContent('Fix the 2 rows with problems');
  });

  it('enables the commit when every row is ready, sends the chosen program, and shows what was added', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({ [PROGRAMS]: json(paged([programFixture({ status: 'ACTIVE' })])), [COHORTS]: json(cohortsFixture) });
    const clean = dryRunFixture({ totalRows: 1, okRows: 1, errorRows: 0, rows: [dryRunFixture().rows[0]!] });
    const uploads = fakeXhr({
      '/api/v1/partner/enrollments/imports/dry-run': { status: 200, body: clean },
      '/api/v1/partner/enrollments/imports/commit': { status: 200, body: { added: 1, byProgram: [{ programId: PROGRAM_ID, programName: 'Kisumu Lakeside Readers', adding: 1, capacityLeft: 31 }] } },
    });
    renderPage();

    const programSelect = screen.getByTestId('import-program');
    await within(programSelect).findByRole('option', { name: 'Kisumu Lakeside Readers' });
    await user.selectOptions(programSelect, 'Kisumu Lakeside Readers');
    await user.upload(screen.getByTestId('file-input'), csv());
    await screen.findByTestId('dry-run-preview');
    expect(uploads[0]!.form.get('programId')).toBe(PROGRAM_ID);
    expect(screen.getByTestId('only-problems')).not.toBeChecked();
    expect(screen.getByTestId('commit-hint')).toHaveTextContent('All 1 rows are ready.');

    const commit = screen.getByTestId('commit-import');
    expect(commit).toBeEnabled();
    expect(commit).toHaveTextContent('Enrol 1 child');
    const cohortCalls = () => fetchSpy.mock.calls.filter(([u]) => String(u).startsWith(COHORTS)).length;
    const before = cohortCalls();
    await user.click(commit);

    const result = await screen.findByTestId('commit-result');
    expect(result).toHaveTextContent('1 child was enrolled.');
    expect(within(result).getByRole('link', { name: 'Kisumu Lakeside Readers' })).toHaveAttribute('href', `/dashboard/partner/sponsorships/${PROGRAM_ID}`);
    expect(uploads[1]!.url).toBe('/api/v1/partner/enrollments/imports/commit');
    expect(uploads[1]!.form.get('programId')).toBe(PROGRAM_ID);
    expect(screen.queryByTestId('dry-run-preview')).not.toBeInTheDocument();
    // Cohort tracking is refreshed.
    await waitFor(() => expect(cohortCalls()).toBeGreaterThan(before));
  });

  it('shows why a file cannot be read (400 on file), and refuses a wrong file type before uploading', async () => {
    const user = userEvent.setup({ applyAccept: false });
    mockFetch({ [PROGRAMS]: json(paged([])), [COHORTS]: json(cohortsFixture) });
    const uploads = fakeXhr({
      '/api/v1/partner/enrollments/imports/dry-run': {
        status: 400,
        body: { status: 400, title: 'One or more fields are invalid.', code: 'validation_failed', errors: { file: ['The file has a header but no rows of students.'] } },
      },
    });
    renderPage();

    await user.upload(screen.getByTestId('file-input'), new File(['x'], 'old.xls'));
    expect(screen.getByTestId('upload-error')).toHaveTextContent('Old Excel files (.xls) cannot be read; save it as .xlsx or CSV.');
    expect(uploads).toHaveLength(0);

    await user.upload(screen.getByTestId('file-input'), csv('empty.csv'));
    expect(await screen.findByText('The file has a header but no rows of students.')).toBeInTheDocument();
    expect(screen.queryByTestId('dry-run-preview')).not.toBeInTheDocument();
  });

  it('says so when another import of the partner is still running (409 import_in_progress)', async () => {
    const user = userEvent.setup();
    mockFetch({ [PROGRAMS]: json(paged([])), [COHORTS]: json(cohortsFixture) });
    fakeXhr({
      '/api/v1/partner/enrollments/imports/dry-run': {
        status: 409,
        body: {
          status: 409,
          title: 'The request conflicts with the current state.',
          code: 'import_in_progress',
          detail: 'Another import of yours is still running; wait for it to finish, then send the file again.',
        },
      },
    });
    renderPage();

    await user.upload(screen.getByTestId('file-input'), csv());
    expect(await screen.findByTestId('upload-error')).toHaveTextContent('Another import of yours is still running');
    expect(screen.queryByTestId('dry-run-preview')).not.toBeInTheDocument();
  });

  it('draws cohort tracking by status over the weeks, per program', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [PROGRAMS]: json(paged([programFixture({ status: 'ACTIVE' })])),
      [COHORTS]: json(cohortsFixture),
    });
    fakeXhr({});
    renderPage();

    const chart = await screen.findByTestId('cohort-chart');
    const data = within(chart).getByRole('table', { name: 'Children by status at the end of each week, 3 weeks' });
    expect(within(data).getAllByRole('row')).toHaveLength(4);
    expect(within(data).getAllByRole('row')[3]).toHaveTextContent('931');
    const summary = screen.getByTestId('cohort-table');
    const row = within(summary).getByRole('row', { name: /Kisumu Lakeside Readers/ });
    // This week: 9 active, 3 waiting, 1 removed; 12 enrolled against 10 twelve weeks ago.
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['9', '3', '1', '+2']);

    await user.selectOptions(screen.getByTestId('cohort-program'), PROGRAM_ID);
    await waitFor(() => expect(spy.mock.calls.some(([u]) => String(u) === `${COHORTS}?programId=${PROGRAM_ID}&weeks=12`)).toBe(true));
  });

  it('offers the CSV and Excel templates', async () => {
    mockFetch({ [PROGRAMS]: json(paged([])), [COHORTS]: json({ weeks: 12, programs: [] }) });
    renderPage();
    expect(screen.getByTestId('template-csv')).toHaveAttribute('href', '/api/v1/partner/enrollments/template?format=csv');
    expect(screen.getByTestId('template-xlsx')).toHaveAttribute('href', '/api/v1/partner/enrollments/template?format=xlsx');
    expect(await screen.findByText('No children enrolled yet')).toBeInTheDocument();
  });
});
