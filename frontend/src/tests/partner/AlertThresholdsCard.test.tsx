import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlertThresholdsCard } from '@/components/partner/alerts/AlertThresholdsCard';
import { usePartnerStore } from '@/store';
import type { AlertThresholds, AlertThresholdValues } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/alerts/thresholds';
const DEFAULTS: AlertThresholdValues = { daysInactive: 7, scoreFallPoints: 10, scoreFallWeeks: 4, weeklyMinutesBelow: 30, goalDaysLeft: 14 };
const NONE: AlertThresholdValues = { daysInactive: null, scoreFallPoints: null, scoreFallWeeks: null, weeklyMinutesBelow: null, goalDaysLeft: null };

const programThresholds = (set: Partial<AlertThresholdValues> = {}): AlertThresholds => {
  const values = { ...NONE, ...set };
  const effective = Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, values[k as keyof AlertThresholdValues] ?? v])) as AlertThresholdValues;
  return { scope: 'program', programId: 'p1', childId: null, set: values, inherited: DEFAULTS, effective };
};

const row = (key: keyof AlertThresholdValues) => screen.getByTestId(`threshold-${key}`);
const effective = (key: keyof AlertThresholdValues) => within(row(key)).getByTestId('threshold-effective').textContent;
const source = (key: keyof AlertThresholdValues) => within(row(key)).getByTestId('threshold-source').textContent;

describe('AlertThresholdsCard', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('shows what applies to a program and where each value comes from, and saves a set value and a cleared one', async () => {
    const sent: unknown[] = [];
    let current = programThresholds({ weeklyMinutesBelow: 45 });
    mockFetch({
      [`GET ${BASE}/programs/p1`]: () => json(current),
      [`PUT ${BASE}/programs/p1`]: ({ init }) => {
        const body = JSON.parse(String(init?.body)) as AlertThresholdValues;
        sent.push(body);
        current = programThresholds(Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)));
        return json(current);
      },
    });
    renderWithProviders(<AlertThresholdsCard scope="programs" id="p1" canChange />, { queryClient: createTestQueryClient(partnerUser) });
    await screen.findByTestId('threshold-daysInactive');
    expect(effective('daysInactive')).toBe('7 days');
    expect(source('daysInactive')).toBe('Default');
    expect(effective('weeklyMinutesBelow')).toBe('45 minutes');
    expect(source('weeklyMinutesBelow')).toBe('Program');
    // An empty box shows what it would inherit.
    expect(screen.getByLabelText('Days without learning')).toHaveAttribute('placeholder', '7');
    expect(screen.getByTestId('save-thresholds')).toBeDisabled();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Days without learning'), '14');
    await user.click(screen.getByRole('button', { name: 'Weekly minutes below: use the default' }));
    await user.click(screen.getByTestId('save-thresholds'));

    await waitFor(() => expect(sent).toEqual([{ ...NONE, daysInactive: 14 }]));
    await waitFor(() => expect(effective('daysInactive')).toBe('14 days'));
    expect(source('daysInactive')).toBe('Program');
    expect(effective('weeklyMinutesBelow')).toBe('30 minutes');
    expect(source('weeklyMinutesBelow')).toBe('Default');
    expect(await screen.findByText('The program’s thresholds were saved; alerts were checked again.')).toBeInTheDocument();
  });

  it('shows the API’s message under each field it refuses', async () => {
    mockFetch({
      [`GET ${BASE}/programs/p1`]: json(programThresholds()),
      [`PUT ${BASE}/programs/p1`]: problem(400, 'Validation failed', undefined, {
        errors: { daysInactive: ['Days inactive must be from 1 to 90 (or empty to inherit).'], scoreFallWeeks: ['The weeks a score fall is measured over must be from 1 to 8 (or empty to inherit).'] },
      }),
    });
    renderWithProviders(<AlertThresholdsCard scope="programs" id="p1" canChange />, { queryClient: createTestQueryClient(partnerUser) });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Days without learning'), '0');
    await user.type(screen.getByLabelText('Score fall measured over'), '9');
    await user.click(screen.getByTestId('save-thresholds'));
    expect(await within(row('daysInactive')).findByRole('alert')).toHaveTextContent('Days inactive must be from 1 to 90 (or empty to inherit).');
    expect(within(row('scoreFallWeeks')).getByRole('alert')).toHaveTextContent('must be from 1 to 8');
    expect(screen.getByLabelText('Days without learning')).toHaveAttribute('aria-invalid', 'true');
    expect(within(row('goalDaysLeft')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tells a child’s own value from its program’s and from the default', async () => {
    const child: AlertThresholds = {
      scope: 'child',
      programId: 'p1',
      childId: 'c1',
      set: { ...NONE, daysInactive: 3 },
      inherited: { ...DEFAULTS, weeklyMinutesBelow: 45 },
      effective: { ...DEFAULTS, daysInactive: 3, weeklyMinutesBelow: 45 },
    };
    mockFetch({ [`GET ${BASE}/children/c1`]: json(child), [`GET ${BASE}/programs/p1`]: json(programThresholds({ weeklyMinutesBelow: 45 })) });
    renderWithProviders(<AlertThresholdsCard scope="children" id="c1" canChange />, { queryClient: createTestQueryClient(partnerUser) });
    await screen.findByTestId('threshold-daysInactive');
    expect(effective('daysInactive')).toBe('3 days');
    expect(source('daysInactive')).toBe('This child');
    await waitFor(() => expect(source('weeklyMinutesBelow')).toBe('Program'));
    expect(source('goalDaysLeft')).toBe('Default');
    expect(screen.getByLabelText('Weekly minutes below')).toHaveAttribute('placeholder', '45');
  });

  it('reads only for a viewer', async () => {
    mockFetch({ [`GET ${BASE}/programs/p1`]: json(programThresholds({ daysInactive: 10 })) });
    renderWithProviders(<AlertThresholdsCard scope="programs" id="p1" canChange={false} />, { queryClient: createTestQueryClient({ ...partnerUser, partnerRole: 'viewer' }) });
    await screen.findByTestId('threshold-daysInactive');
    expect(effective('daysInactive')).toBe('10 days');
    expect(within(row('daysInactive')).getByText('Set for this program')).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.queryByTestId('save-thresholds')).not.toBeInTheDocument();
    expect(screen.getByTestId('thresholds-read-only')).toBeInTheDocument();
  });
});
