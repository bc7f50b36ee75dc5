import type {
  AchievementList,
  ActivitySummary,
  ChildGoalsResponse,
  ChildHeader,
  ChildInsightsResponse,
  LearningJourney,
  ProgramResponse,
  SponsoredChildResponse,
  StudentPreview,
} from '@/types/partner';
import type { ImportDryRunResponse } from '@/services/partner/enrollments';

// API answers as the backend sends them, for the sponsorship, children and enrollment pages.

export const PROGRAM_ID = '0193a7b0-0000-7000-8000-0000000000f1';
export const CHILD_ID = '0193a7b0-0000-7000-8000-00000000c001';

export function programFixture(overrides: Partial<ProgramResponse> = {}): ProgramResponse {
  return {
    id: PROGRAM_ID,
    name: 'Kisumu Lakeside Readers',
    description: 'Reading support for Grade 3–5 learners around Lake Victoria.',
    programType: 'cohort',
    minChildren: 10,
    maxChildren: 40,
    status: 'DRAFT',
    billingPeriod: 'termly',
    pricePerChild: 1500,
    currency: 'KES',
    customPricingNotes: null,
    startDate: '2026-09-01',
    endDate: '2027-08-31',
    goals: [{ title: 'Every child reading at ME level', metric: 'percent ME+', target: 80 }],
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    rejectionReason: null,
    createdAt: '2026-08-20T08:00:00Z',
    updatedAt: '2026-08-20T08:00:00Z',
    children: { enrolled: 8, active: 0, pendingConsent: 8, paused: 0, graduated: 0, removed: 1, left: 0 },
    allowedActions: ['submit', 'cancel'],
    ...overrides,
  };
}

export function childFixture(overrides: Partial<SponsoredChildResponse> = {}): SponsoredChildResponse {
  return {
    id: CHILD_ID,
    studentId: '0193a7b0-0000-7000-8000-00000000d001',
    programId: PROGRAM_ID,
    programName: 'Kisumu Lakeside Readers',
    status: 'ACTIVE',
    consentStatus: 'given',
    displayName: 'Faith Otieno',
    firstName: 'Faith',
    lastInitial: 'O',
    lastName: 'Otieno',
    grade: 'Grade4',
    county: 'Kisumu',
    school: 'Lakeside Kisumu Primary School',
    enrolledAt: '2026-09-02T07:00:00Z',
    removedAt: null,
    progress: { minutesThisWeek: 135, minutesLastWeek: 90, trend: 'up', lastActiveAt: '2026-11-19T15:00:00Z', averageScore: 68.5, hasAlert: false, engagement: 74 },
    ...overrides,
  };
}

/** A child waiting for consent: first name and last initial only, no progress. */
export function waitingChildFixture(overrides: Partial<SponsoredChildResponse> = {}): SponsoredChildResponse {
  return childFixture({
    id: '0193a7b0-0000-7000-8000-00000000c002',
    studentId: '0193a7b0-0000-7000-8000-00000000d002',
    status: 'PENDING_CONSENT',
    consentStatus: 'pending',
    displayName: 'Amani W.',
    firstName: 'Amani',
    lastInitial: 'W',
    lastName: null,
    grade: 'Grade5',
    county: 'Nairobi',
    school: null,
    progress: null,
    ...overrides,
  });
}

export function headerFixture(overrides: Partial<ChildHeader> = {}): ChildHeader {
  return {
    id: CHILD_ID,
    studentId: '0193a7b0-0000-7000-8000-00000000d001',
    programId: PROGRAM_ID,
    programName: 'Kisumu Lakeside Readers',
    status: 'ACTIVE',
    consentStatus: 'given',
    displayName: 'Faith Otieno',
    grade: 'Grade4',
    county: 'Kisumu',
    school: 'Lakeside Kisumu Primary School',
    dateOfBirth: '2016-04-12',
    enrolledAt: '2026-09-02T07:00:00Z',
    notes: null,
    ...overrides,
  };
}

const weeks = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 7, 31 + i * 7));
  return { weekStart: d.toISOString().slice(0, 10), minutes: 60 + i * 10, lessonsCompleted: 2 + (i % 3), assessmentCount: 1, averageScore: i === 3 ? null : 55 + i };
});

export const journeyFixture: LearningJourney = {
  areas: [
    {
      learningAreaId: 'a1',
      code: 'MATH',
      name: 'Mathematics',
      latestScore: 72,
      latestRubricLevel: 'ME',
      latestAssessedAt: '2026-11-15T09:00:00Z',
      averageScore: 66.4,
      assessmentCount: 9,
      trendPoints: 6.5,
      trend: 'up',
    },
    {
      learningAreaId: 'a2',
      code: 'ENG',
      name: 'English',
      latestScore: 41,
      latestRubricLevel: 'AE',
      latestAssessedAt: '2026-11-12T09:00:00Z',
      averageScore: 45,
      assessmentCount: 7,
      trendPoints: -4,
      trend: 'down',
    },
  ],
  rubricDistribution: [
    { level: 'EE', label: 'Exceeding Expectations', count: 2, percent: 12.5 },
    { level: 'ME', label: 'Meeting Expectations', count: 8, percent: 50 },
    { level: 'AE', label: 'Approaching Expectations', count: 5, percent: 31.3 },
    { level: 'BE', label: 'Below Expectations', count: 1, percent: 6.3 },
  ],
  competencies: [
    { competency: 'communication_and_collaboration', label: 'Communication and collaboration', latestScore: 3, latestAssessedOn: '2026-11-01', previousScore: 2.5, trend: 'up' },
    { competency: 'critical_thinking_and_problem_solving', label: 'Critical thinking and problem solving', latestScore: 2.5, latestAssessedOn: '2026-11-01', previousScore: 2.5, trend: 'flat' },
    { competency: 'imagination_and_creativity', label: 'Imagination and creativity', latestScore: 3.5, latestAssessedOn: '2026-11-01', previousScore: 3, trend: 'up' },
    { competency: 'citizenship', label: 'Citizenship', latestScore: 3, latestAssessedOn: '2026-10-01', previousScore: null, trend: 'flat' },
    { competency: 'digital_literacy', label: 'Digital literacy', latestScore: 2, latestAssessedOn: '2026-10-01', previousScore: 2.5, trend: 'down' },
    { competency: 'learning_to_learn', label: 'Learning to learn', latestScore: 3, latestAssessedOn: '2026-10-01', previousScore: 3, trend: 'flat' },
    { competency: 'self_efficacy', label: 'Self-efficacy', latestScore: null, latestAssessedOn: null, previousScore: null, trend: 'flat' },
  ],
  weeklyProgress: weeks,
  focusAreas: [
    { learningAreaId: 'a2', code: 'ENG', name: 'English', latestScore: 41, latestRubricLevel: 'AE', reason: 'Latest English score 41 (Approaching Expectations), down 4 points in 28 days.' },
  ],
  recentLessons: [
    {
      lessonId: 'l1',
      lessonTitle: 'Fractions on a number line',
      courseTitle: 'Grade 4 Mathematics',
      learningAreaName: 'Mathematics',
      status: 'completed',
      score: 80,
      timeSpentSeconds: 1260,
      completedAt: '2026-11-18T14:00:00Z',
      updatedAt: '2026-11-18T14:00:00Z',
    },
  ],
};

export function activityFixture(period: 'day' | 'week' | 'month' = 'week'): ActivitySummary {
  const n = period === 'month' ? 30 : period === 'week' ? 7 : 1;
  const days = Array.from({ length: n }, (_, i) => ({ date: `2026-11-${String(20 - n + 1 + i).padStart(2, '0')}`, minutes: 20 + i, sessions: 1 }));
  return {
    period,
    from: days[0]!.date,
    to: '2026-11-20',
    days,
    hours: period === 'day' ? Array.from({ length: 24 }, (_, h) => ({ hour: h, minutes: h === 16 ? 25 : 0, sessions: h === 16 ? 1 : 0 })) : null,
    sessionCount: n,
    totalMinutes: days.reduce((s, d) => s + d.minutes, 0),
    averageSessionMinutes: 23.5,
    devices: [
      { device: 'mobile', sessions: 5, minutes: 120, percent: 75 },
      { device: 'tablet', sessions: 0, minutes: 0, percent: 0 },
      { device: 'desktop', sessions: 0, minutes: 0, percent: 0 },
      { device: 'shared_lab', sessions: 2, minutes: 40, percent: 25 },
    ],
    currentStreak: 4,
    longestStreak: 9,
    lastActiveAt: '2026-11-20T13:30:00Z',
    daysSinceLastActive: 0,
    engagement: {
      score: 73,
      formula: 'round(40 × min(1, minutes in the last 7 days ÷ 150) + 30 × min(1, active days in the last 7 ÷ 5) + 30 × min(1, current streak ÷ 7))',
      minutesLast7Days: 161,
      activeDaysLast7Days: 5,
      currentStreak: 4,
    },
  };
}

export const achievementsFixture: AchievementList = {
  certificates: [{ id: 'c1', kind: 'certificate', title: 'Grade 4 Mathematics: Term 1', description: 'Completed every lesson of the term.', learningAreaName: 'Mathematics', awardedAt: '2026-10-30T10:00:00Z' }],
  badges: [
    { id: 'b1', kind: 'badge', title: '7-day streak', description: null, learningAreaName: null, awardedAt: '2026-11-10T10:00:00Z' },
    { id: 'b2', kind: 'badge', title: 'Fast reader', description: 'Read 10 stories.', learningAreaName: 'English', awardedAt: '2026-11-12T10:00:00Z' },
  ],
  milestones: [],
  counts: { certificates: 1, badges: 2, milestones: 0, total: 3 },
};

export const goalsFixture: ChildGoalsResponse = {
  goals: [
    {
      goal: { id: 'g1', kind: 'rubric_level', learningAreaCode: 'ENG', target: 'ME', dueDate: '2026-12-15' },
      progress: {
        goalId: 'g1',
        kind: 'rubric_level',
        learningAreaCode: 'ENG',
        target: 'ME',
        targetValue: 3,
        current: 'AE',
        currentValue: 2,
        percent: 67,
        status: 'at_risk',
        dueDate: '2026-12-15',
        daysLeft: 25,
      },
    },
    {
      goal: { id: 'g2', kind: 'weekly_minutes', learningAreaCode: null, target: '150', dueDate: null },
      progress: {
        goalId: 'g2',
        kind: 'weekly_minutes',
        learningAreaCode: null,
        target: '150',
        targetValue: 150,
        current: '161',
        currentValue: 161,
        percent: 100,
        status: 'achieved',
        dueDate: null,
        daysLeft: null,
      },
    },
  ],
  aiMilestones: [],
};

export const insightsFixture: ChildInsightsResponse = {
  signals: {
    timePattern: {
      daysConsidered: 30,
      sessions: 22,
      preferredTimeOfDay: 'evening',
      byTimeOfDay: [
        { timeOfDay: 'morning', minutes: 60, percent: 12 },
        { timeOfDay: 'afternoon', minutes: 90, percent: 18 },
        { timeOfDay: 'evening', minutes: 330, percent: 66 },
        { timeOfDay: 'night', minutes: 20, percent: 4 },
      ],
      weekdayPercent: 80,
      weekendPercent: 20,
      averageSessionMinutes: 22.7,
    },
    strongestArea: { code: 'MATH', name: 'Mathematics', latestScore: 72, latestRubricLevel: 'ME' },
    weakestArea: { code: 'ENG', name: 'English', latestScore: 41, latestRubricLevel: 'AE' },
    warnings: [
      { code: 'goal_at_risk', severity: 'medium', message: 'Goal "Reach ME in English" is 67% done with 25 days left.', goalId: 'g1' },
      { code: 'score_falling', severity: 'high', message: 'English scores fell 4 points over the last 28 days.', goalId: null },
    ],
    supportTips: ['Most learning happens in the evening (66% of minutes); keeping a fixed evening slot protects the habit.'],
    hasAlert: true,
  },
  narrative: 'Child A keeps learning, but recent results in **English** are slipping.',
  learningStyle: 'An evening learner who studies mostly on school days, in focused sittings of about 24 minutes.',
  strengths: ['Strongest area: Mathematics (72%, Meeting Expectations).'],
  risks: ['English scores fell 4 points over the last 28 days.'],
  tips: ['Plan short extra practice in English.', 'Keep a fixed evening slot.', 'Praise effort and steady practice, not only scores.'],
  provider: 'offline',
  model: 'elimu-offline-1',
  generatedAt: '2026-03-11T09:00:00Z',
};

export function studentFixture(i: number, overrides: Partial<StudentPreview> = {}): StudentPreview {
  const id = `0193a7b0-0000-7000-8000-0000000005${String(i).padStart(2, '0')}`;
  return {
    id,
    studentId: id,
    firstName: ['Baraka', 'Wanjiru', 'Otieno', 'Akinyi'][i % 4]!,
    lastInitial: 'K',
    displayName: `${['Baraka', 'Wanjiru', 'Otieno', 'Akinyi'][i % 4]!} K.`,
    grade: 'Grade4',
    county: 'Kisumu',
    ...overrides,
  };
}

export function dryRunFixture(overrides: Partial<ImportDryRunResponse> = {}): ImportDryRunResponse {
  return {
    fileName: 'kisumu-term-3.csv',
    totalRows: 3,
    okRows: 1,
    errorRows: 2,
    rows: [
      { row: 1, studentId: null, admissionNumber: 'LKP/1204', school: 'Lakeside Kisumu Primary School', program: 'Kisumu Lakeside Readers', programId: PROGRAM_ID, outcome: 'ok', message: 'Ready to add.', studentDisplayName: 'Baraka K.' },
      { row: 2, studentId: null, admissionNumber: 'LKP/9999', school: 'Lakeside Kisumu Primary School', program: 'Kisumu Lakeside Readers', programId: PROGRAM_ID, outcome: 'not_found', message: 'No student with admission number LKP/9999 at this school.', studentDisplayName: null },
      { row: 3, studentId: null, admissionNumber: 'LKP/1204', school: 'Lakeside Kisumu Primary School', program: 'Kisumu Lakeside Readers', programId: PROGRAM_ID, outcome: 'duplicate_in_file', message: 'The same student is on row 1.', studentDisplayName: 'Baraka K.' },
    ],
    byProgram: [{ programId: PROGRAM_ID, programName: 'Kisumu Lakeside Readers', adding: 1, capacityLeft: 31 }],
    ...overrides,
  };
}

export const paged = <T>(items: T[], total = items.length, page = 1, pageSize = 20) => ({ items, page, pageSize, total });
