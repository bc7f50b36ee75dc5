import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import SponsorshipsPage from '@/pages/partner/SponsorshipsPage';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';
import { paged, programFixture, PROGRAM_ID } from './sponsorship-fixtures';

const PROGRAMS = '/api/v1/partner/sponsorships/programs';

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsorships" element={<SponsorshipsPage />} />
      <Route path="/dashboard/partner/sponsorships/:id" element={<p>Program page</p>} />
    </Routes>,
    { route: '/dashboard/partner/sponsorships', queryClient: createTestQueryClient(partnerUser) },
  );
}

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId('new-program'));
  return screen.getByTestId('program-form-modal');
}

const field = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText(new RegExp(`^${label}`));
const posts = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.filter(([url, init]) => url === PROGRAMS && init?.method === 'POST');

describe('the program form', () => {
  it('checks the server’s rules in the browser and sends nothing while they fail', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({ [PROGRAMS]: json(paged([])) });
    renderPage();
    const dialog = await openForm(user);

    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));
    expect(await within(dialog).findByText('Give the program a name.')).toBeInTheDocument();
    expect(within(dialog).getByText('The price per child must be more than zero.')).toBeInTheDocument();
    expect(field(dialog, 'Program name')).toHaveAttribute('aria-invalid', 'true');
    expect(field(dialog, 'Program name')).toHaveAccessibleDescription('Give the program a name.');

    await user.type(field(dialog, 'Program name'), 'Kisumu Lakeside Readers');
    await user.clear(field(dialog, 'Minimum children'));
    await user.type(field(dialog, 'Minimum children'), '5');
    await user.type(field(dialog, 'Maximum children'), '3');
    await user.type(field(dialog, 'Price per child'), '0');
    await user.clear(field(dialog, 'Currency'));
    await user.type(field(dialog, 'Currency'), 'K1');
    await user.type(field(dialog, 'Start date'), '2026-09-01');
    await user.type(field(dialog, 'End date'), '2026-08-01');
    await user.click(within(dialog).getByRole('button', { name: 'Add a goal' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));

    expect(await within(dialog).findByText('A program sponsors at least 10 children.')).toBeInTheDocument();
    expect(within(dialog).getByText('The maximum cannot be below the minimum number of children.')).toBeInTheDocument();
    expect(within(dialog).getByText('The price per child must be more than zero.')).toBeInTheDocument();
    expect(within(dialog).getByText('Use a three-letter ISO 4217 currency code such as KES.')).toBeInTheDocument();
    expect(within(dialog).getByText('The end date must be after the start date.')).toBeInTheDocument();
    expect(within(dialog).getByText('Each goal needs a title under 200 characters.')).toBeInTheDocument();
    expect(within(dialog).queryByText('Give the program a name.')).not.toBeInTheDocument();
    expect(posts(spy)).toHaveLength(0);
  });

  it('shows the server’s field errors (400 errors) under their fields, and others above the form', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [`GET ${PROGRAMS}`]: json(paged([])),
      [`POST ${PROGRAMS}`]: problem(400, 'One or more fields are invalid.', undefined, {
        code: 'validation_failed',
        errors: {
          minChildren: ['A program sponsors at least 10 children.'],
          'goals[0].title': ['Each goal needs a title under 200 characters.'],
          partner: ['Your partner profile is not complete.'],
        },
      }),
    });
    renderPage();
    const dialog = await openForm(user);

    await user.type(field(dialog, 'Program name'), 'Lake Readers');
    await user.type(field(dialog, 'Price per child'), '1500');
    await user.click(within(dialog).getByRole('button', { name: 'Add a goal' }));
    await user.type(field(dialog, 'Goal 1 title'), 'Read well');
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));

    expect(await within(dialog).findByTestId('program-form-error')).toHaveTextContent('Your partner profile is not complete.');
    expect(field(dialog, 'Minimum children')).toHaveAttribute('aria-invalid', 'true');
    expect(field(dialog, 'Minimum children')).toHaveAccessibleDescription(/^A program sponsors at least 10 children\. At least 10/);
    expect(field(dialog, 'Goal 1 title')).toHaveAccessibleDescription('Each goal needs a title under 200 characters.');
    // The form stays open; nothing toasts over it.
    expect(screen.getByTestId('program-form-modal')).toBeInTheDocument();
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
    expect(posts(spy)).toHaveLength(1);
  });

  it('creates the program with the request the API expects and opens it', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [`GET ${PROGRAMS}`]: json(paged([])),
      [`POST ${PROGRAMS}`]: json(programFixture({ name: 'Lake Readers' }), 201),
    });
    renderPage();
    const dialog = await openForm(user);

    await user.type(field(dialog, 'Program name'), '  Lake Readers ');
    await user.selectOptions(field(dialog, 'Billing period'), 'monthly');
    await user.type(field(dialog, 'Price per child'), '1250.50');
    await user.type(field(dialog, 'Maximum children'), '40');
    await user.clear(field(dialog, 'Currency'));
    await user.type(field(dialog, 'Currency'), 'kes');
    await user.type(field(dialog, 'Start date'), '2026-09-01');
    await user.click(within(dialog).getByRole('button', { name: 'Add a goal' }));
    await user.type(field(dialog, 'Goal 1 title'), 'Reading at ME');
    await user.type(field(dialog, 'Target'), '80');
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/dashboard/partner/sponsorships/${PROGRAM_ID}`));
    expect(JSON.parse(String(posts(spy)[0]![1]!.body))).toEqual({
      name: 'Lake Readers',
      description: null,
      programType: 'cohort',
      minChildren: 10,
      maxChildren: 40,
      billingPeriod: 'monthly',
      pricePerChild: 1250.5,
      currency: 'KES',
      customPricingNotes: null,
      startDate: '2026-09-01',
      endDate: null,
      goals: [{ title: 'Reading at ME', metric: null, target: 80 }],
    });
    expect(screen.getByTestId('toast')).toHaveTextContent('“Lake Readers” was created as a draft.');
  });
});

describe('preferences on the new-program form', () => {
  const FILTER_OPTIONS = '/api/v1/partner/sponsorships/filter-options';
  const PREFERENCES = `${PROGRAMS}/${PROGRAM_ID}/preferences`;
  const options = { counties: ['Kisumu', 'Nyeri'], grades: ['Grade4', 'Grade5'], learningNeeds: ['low vision'], schools: ['Mt. Kenya View Primary School'] };

  async function fillRequired(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
    await user.type(field(dialog, 'Program name'), 'Lake Readers');
    await user.type(field(dialog, 'Price per child'), '1500');
  }

  it('saves the stated preferences for the program just created, and the program request stays as the API takes it', async () => {
    const user = userEvent.setup();
    const puts: unknown[] = [];
    const spy = mockFetch({
      [`GET ${PROGRAMS}`]: json(paged([])),
      [FILTER_OPTIONS]: json(options),
      [`POST ${PROGRAMS}`]: json(programFixture({ name: 'Lake Readers' }), 201),
      [`PUT ${PREFERENCES}`]: ({ init }) => {
        puts.push(JSON.parse(String(init?.body)));
        return json(puts[0]);
      },
    });
    renderPage();
    const dialog = await openForm(user);
    await fillRequired(user, dialog);
    const prefs = within(dialog).getByTestId('program-form-preferences');
    await user.click(within(prefs).getByText(/Preferences \(optional\)/));
    await user.click(await within(prefs).findByRole('button', { name: 'Grade 5' }));
    await user.selectOptions(within(prefs).getByLabelText('Counties'), 'Nyeri');
    await user.selectOptions(within(prefs).getByLabelText('Schools'), 'Mt. Kenya View Primary School');
    await user.selectOptions(within(prefs).getByLabelText('Learning needs (matched, never shown)'), 'low vision');
    await user.selectOptions(within(prefs).getByLabelText('Gender'), 'female');
    await user.selectOptions(within(prefs).getByLabelText('Greatest need first'), 'longest_wait');
    expect(within(prefs).getByRole('button', { name: 'Remove Nyeri' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/dashboard/partner/sponsorships/${PROGRAM_ID}`));
    expect(puts).toEqual([
      { grades: ['Grade5'], counties: ['Nyeri'], schools: ['Mt. Kenya View Primary School'], gender: 'female', learningNeeds: ['low vision'], greatestNeed: 'longest_wait' },
    ]);
    expect(JSON.parse(String(posts(spy)[0]![1]!.body))).not.toHaveProperty('preferences');
  });

  it('sends no preferences when none were stated', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({ [`GET ${PROGRAMS}`]: json(paged([])), [FILTER_OPTIONS]: json(options), [`POST ${PROGRAMS}`]: json(programFixture(), 201) });
    renderPage();
    const dialog = await openForm(user);
    await fillRequired(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/dashboard/partner/sponsorships/${PROGRAM_ID}`));
    expect(spy.mock.calls.filter(([url]) => String(url).endsWith('/preferences'))).toHaveLength(0);
  });

  it('closes the form once the program exists even if its preferences are refused, and says where to set them', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [`GET ${PROGRAMS}`]: json(paged([])),
      [FILTER_OPTIONS]: json(options),
      [`POST ${PROGRAMS}`]: json(programFixture({ name: 'Lake Readers' }), 201),
      [`PUT ${PREFERENCES}`]: problem(400, 'One or more fields are invalid.', undefined, { errors: { counties: ['Unknown county: Nyeri.'] } }),
    });
    renderPage();
    const dialog = await openForm(user);
    await fillRequired(user, dialog);
    const prefs = within(dialog).getByTestId('program-form-preferences');
    await user.click(within(prefs).getByText(/Preferences \(optional\)/));
    await user.selectOptions(await within(prefs).findByLabelText('Counties'), 'Nyeri');
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));

    expect(await screen.findByText(/“Lake Readers” was created, but its preferences were not saved: .*Set them on the program’s page\./)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('program-form-modal')).not.toBeInTheDocument());
    expect(posts(spy)).toHaveLength(1);
  });
});

describe('required fields and goal metrics', () => {
  it('marks the required fields, visibly and with aria-required, and only those', async () => {
    const user = userEvent.setup();
    mockFetch({ [PROGRAMS]: json(paged([])) });
    renderPage();
    const dialog = await openForm(user);
    expect(within(dialog).getByTestId('required-note')).toHaveTextContent('Fields marked * are required.');
    for (const label of ['Program name', 'Program type', 'Billing period', 'Price per child', 'Currency']) {
      expect(field(dialog, label)).toHaveAttribute('aria-required', 'true');
      expect(within(dialog).getByText(label, { selector: 'label' })).toHaveAttribute('data-required', 'true');
    }
    for (const label of ['Description', 'Minimum children', 'Maximum children', 'Start date', 'End date', 'Custom pricing notes']) {
      expect(field(dialog, label)).not.toHaveAttribute('aria-required');
      expect(within(dialog).getByText(label, { selector: 'label' })).not.toHaveAttribute('data-required');
    }
    await user.click(within(dialog).getByRole('button', { name: 'Add a goal' }));
    expect(field(dialog, 'Goal 1 title')).toHaveAttribute('aria-required', 'true');
  });

  it('offers the known metrics in a select, asks for a target once one is chosen, and checks on leaving a field, not before', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({ [`GET ${PROGRAMS}`]: json(paged([])), [`POST ${PROGRAMS}`]: json(programFixture(), 201) });
    renderPage();
    const dialog = await openForm(user);
    await user.type(field(dialog, 'Program name'), 'Lake Readers');
    await user.type(field(dialog, 'Price per child'), '1500');
    await user.click(within(dialog).getByRole('button', { name: 'Add a goal' }));

    // Just added: focused, no error yet.
    const title = field(dialog, 'Goal 1 title');
    expect(title).toHaveFocus();
    expect(title).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByText('Each goal needs a title under 200 characters.')).not.toBeInTheDocument();
    const metric = within(dialog).getByRole('combobox', { name: 'Measured by' });
    expect(within(metric).getByRole('option', { name: '% at ME or above in Mathematics' })).toHaveValue('share_me_or_above:MATH');
    expect(within(metric).getByRole('option', { name: 'Minutes of learning a week' })).toHaveValue('avg_weekly_minutes');
    // Leaving the title empty shows its error.
    await user.tab();
    expect(await within(dialog).findByText('Each goal needs a title under 200 characters.')).toBeInTheDocument();
    await user.type(title, 'Reading at ME');

    await user.selectOptions(metric, 'share_me_or_above:ENG');
    const target = field(dialog, 'Target');
    expect(target).toHaveAccessibleName('Target (% of children)');
    expect(target).toHaveAttribute('aria-required', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));
    expect(await within(dialog).findByText('Set a target for this measure.')).toBeInTheDocument();
    await user.type(target, '120');
    expect(await within(dialog).findByText('A percentage target is at most 100.')).toBeInTheDocument();
    await user.clear(target);
    await user.type(target, '80');
    await user.click(within(dialog).getByRole('button', { name: 'Create program' }));
    await waitFor(() => expect(posts(spy)).toHaveLength(1));
    expect(JSON.parse(String(posts(spy)[0]![1]!.body)).goals).toEqual([{ title: 'Reading at ME', metric: 'share_me_or_above:ENG', target: 80 }]);
  });

  it('keeps a metric typed before the list existed when the program is edited', async () => {
    const { render } = await import('@testing-library/react');
    const { ProgramForm } = await import('@/components/partner/sponsorships/ProgramForm');
    const { programToForm } = await import('@/components/partner/sponsorships/program-schema');
    render(<ProgramForm formId="f" defaultValues={programToForm(programFixture())} onSubmit={async () => undefined} />);
    expect(screen.getByRole('combobox', { name: 'Measured by' })).toHaveValue('percent ME+');
  });
});

describe('the programs list', () => {
  it('filters by status chip', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [PROGRAMS]: ({ url }) => {
        const status = new URL(url, 'http://x').searchParams.get('status');
        const all = [programFixture(), programFixture({ id: 'p2', name: 'Nairobi, "Numeracy"', status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'] })];
        return json(paged(status ? all.filter((p) => p.status === status) : all));
      },
    });
    renderPage();
    const table = await screen.findByRole('table', { name: 'Sponsorship programs' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    await user.click(within(screen.getByTestId('status-chips')).getByRole('button', { name: 'Active' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Sponsorship programs' })).getAllByRole('row')).toHaveLength(2));
    expect(spy.mock.calls.some(([url]) => String(url).includes('status=ACTIVE'))).toBe(true);
    expect(within(screen.getByTestId('status-chips')).getByRole('button', { name: 'Active' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('exports every matching program (all pages) as a UTF-8 CSV with a byte-order mark that Excel opens', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    // jsdom has no object URLs: record the blob instead.
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:programs')), revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const many = Array.from({ length: 150 }, (_, i) => programFixture({ id: `p${i}`, name: i === 0 ? 'Nairobi, "Numeracy"\nPilot' : `Program ${i}` }));
    const spy = mockFetch({
      [PROGRAMS]: ({ url }) => {
        const q = new URL(url, 'http://x').searchParams;
        const page = Number(q.get('page') ?? 1);
        const size = Number(q.get('pageSize') ?? 20);
        return json(paged(many.slice((page - 1) * size, page * size), many.length, page, size));
      },
    });
    renderPage();
    await screen.findByRole('table', { name: 'Sponsorship programs' });
    await user.click(screen.getByTestId('export-csv'));

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(click).toHaveBeenCalledTimes(1);
    const exportCalls = spy.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('pageSize=100'));
    expect(exportCalls).toHaveLength(2);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^Name,Status,Type,Billing period,Price per child,Currency,Minimum children/);
    // A name with a comma, quotes and a line break is quoted, its quotes doubled.
    expect(text).toContain('"Nairobi, ""Numeracy""\nPilot",DRAFT,cohort,termly,1500,KES,10,40,8,0,8,0,0,1,2026-09-01,2027-08-31,2026-08-20,p0');
    expect(lines.filter((l) => l.startsWith('Program '))).toHaveLength(149);
    expect(screen.getByTestId('toast')).toHaveTextContent('Exported 150 programs.');
  });

  it('submits several programs at once, skipping those whose status or size does not allow it, and shows refusals', async () => {
    const user = userEvent.setup();
    const draft = programFixture({ children: { enrolled: 12, active: 0, pendingConsent: 12, paused: 0, graduated: 0, removed: 0, left: 0 } });
    const raced = programFixture({ id: 'p4', name: 'Raced draft', children: { enrolled: 10, active: 0, pendingConsent: 10, paused: 0, graduated: 0, removed: 0, left: 0 } });
    const short = programFixture({ id: 'p3', name: 'Short draft' });
    const active = programFixture({ id: 'p2', name: 'Running', status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'] });
    const spy = mockFetch({
      [`GET ${PROGRAMS}`]: json(paged([draft, raced, short, active])),
      [`POST ${PROGRAMS}/${PROGRAM_ID}/submit`]: json({ ...draft, status: 'PENDING_APPROVAL', allowedActions: ['cancel'] }),
      [`POST ${PROGRAMS}/p4/submit`]: problem(409, 'The request conflicts with the current state.', 'This program needs at least 10 children to submit the program; 9 enrolled, 1 more needed.', {
        code: 'min_children_not_met',
        minChildren: 10,
        enrolled: 9,
        missing: 1,
      }),
    });
    renderPage();
    await user.click(await screen.findByTestId('select-all-programs'));
    expect(screen.getByTestId('bulk-actions')).toHaveTextContent('4 selected');
    expect(screen.getByTestId('bulk-submit')).toHaveTextContent('Submit for approval (2)');

    await user.click(screen.getByTestId('bulk-submit'));
    // Before sending: the short draft is skipped with the reason.
    expect(within(screen.getByTestId('bulk-list')).getByText('Skipped: 8 of at least 10 children enrolled; add 2 more.')).toBeInTheDocument();
    await user.click(screen.getByTestId('bulk-confirm'));
    const list = await screen.findByTestId('bulk-list');
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.dataset.result)).toEqual(['done', 'refused', 'skipped', 'skipped']));
    expect(within(list).getByText(/9 enrolled, 1 more needed\. Add the missing children/)).toBeInTheDocument();
    expect(spy.mock.calls.some(([u]) => u === `${PROGRAMS}/p3/submit`)).toBe(false);
  });
});
