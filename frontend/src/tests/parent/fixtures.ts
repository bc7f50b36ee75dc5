import type { Paged, ParentConsent } from '@/types/partner';

export const CONSENT_TEXT = [
  'I, Grace Otieno, am a parent or guardian of Faith Otieno. Tumaini Education Fund sponsors Faith Otieno\'s learning on Elimu through the program "Lake Region Scholars 2026".',
  '',
  'I agree that, for as long as this consent stands, Tumaini Education Fund may see the following about Faith Otieno:',
  '- Name, grade, school and county',
  '- Lessons completed, scores and CBC rubric levels',
  '',
  'Tumaini Education Fund will not see my contact details, my child\'s messages, or anything about other family members.',
  '',
  'I sign by ticking the box and typing my full name.',
].join('\n');

const base: ParentConsent = {
  id: 'c-faith',
  status: 'pending',
  consentText: CONSENT_TEXT,
  consentTextVersion: '2026-01',
  partnerName: 'Tumaini Education Fund',
  partnerOrganizationType: 'Foundation',
  programName: 'Lake Region Scholars 2026',
  programId: 'p-lake',
  programDescription: 'A cohort of learners from Kisumu, Kakamega and Kisii counties.',
  programGoals: ['150 minutes of learning per child per week'],
  programStartDate: '2026-07-01',
  programEndDate: '2027-07-01',
  shownAsAsked: true,
  studentId: 's-faith',
  childName: 'Faith Otieno',
  whatPartnerSees: ['Name, grade, school and county', 'Lessons completed, scores and CBC rubric levels', 'Time spent learning and learning streaks'],
  whatPartnerDoesNotSee: ['Your contact details', "Your child's messages", 'Anything about other family members'],
  requestedAt: '2026-11-25T06:30:00Z',
  consentedAt: null,
  signedName: null,
  revokedAt: null,
  revocationReason: null,
  canChangeToConsent: false,
  consentTextLanguage: 'en',
  consentTextLanguages: ['en', 'sw'],
  signedLanguage: null,
  signedTextSha256: null,
};

export function consentFixture(overrides: Partial<ParentConsent> = {}): ParentConsent {
  return { ...base, ...overrides };
}

export const faithPending = consentFixture();

export const brianGiven = consentFixture({
  id: 'c-brian',
  status: 'given',
  studentId: 's-brian',
  childName: 'Brian Otieno',
  requestedAt: '2026-07-20T06:00:00Z',
  consentedAt: '2026-07-22T16:45:00Z',
  signedName: 'Grace Otieno',
  consentText: CONSENT_TEXT.replaceAll('Faith', 'Brian'),
});

export const kevinRevoked = consentFixture({
  id: 'c-kevin',
  status: 'revoked',
  studentId: 's-kevin',
  childName: 'Kevin Otieno',
  requestedAt: '2026-07-20T06:00:00Z',
  consentedAt: '2026-07-23T15:10:00Z',
  signedName: 'Grace Otieno',
  revokedAt: '2026-11-17T16:21:00Z',
  revocationReason: 'I would like to talk with the class teacher first.',
});

export function paged<T>(items: T[], total = items.length, page = 1, pageSize = 20): Paged<T> {
  return { items, page, pageSize, total };
}
