import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NO_STUDENT_FILTERS, StudentFilters } from '@/components/partner/sponsorships/StudentFilters';
import { json, mockFetch, renderWithProviders } from '../test-utils';

const options = {
  counties: ['Kakamega', 'Kisumu'],
  grades: ['Grade3', 'Grade4'],
  learningNeeds: ['dyslexia support', 'low vision'],
  schools: ['Kisumu Lakeside Primary', 'Mumias Central'],
};

describe('StudentFilters', () => {
  it('offers the counties, grades, learning needs and schools the API lists', async () => {
    const spy = mockFetch({ '/api/v1/partner/sponsorships/filter-options': json(options) });
    renderWithProviders(<StudentFilters value={NO_STUDENT_FILTERS} onChange={vi.fn()} />);

    const names = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);
    await waitFor(() => expect(names('County')).toEqual(['All counties', 'Kakamega', 'Kisumu']));
    expect(names('Grade')).toEqual(['All grades', 'Grade 3', 'Grade 4']);
    // A need no fixed list knew ("dyslexia support") is offered because the API has it.
    expect(names('Learning need')).toEqual(['Any', 'dyslexia support', 'low vision']);
    const schools = [...document.querySelectorAll('#add-children-schools option')].map((o) => o.getAttribute('value'));
    expect(schools).toEqual(options.schools);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
