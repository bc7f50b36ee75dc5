import { Award, Medal, Milestone, type LucideIcon } from 'lucide-react';
import { PartnerBentoCard, PartnerStatsCard } from '@/components/partner/shared';
import { formatDate, formatNumber } from '@/lib/format';
import type { AchievementItem, AchievementList } from '@/types/partner';

/** Achievements tab: certificates, badges and milestones, grouped, newest first. */
export function AchievementsView({ achievements }: { achievements: AchievementList }) {
  const c = achievements.counts;
  const groups: { key: string; title: string; icon: LucideIcon; items: AchievementItem[]; empty: string }[] = [
    { key: 'certificates', title: 'Certificates', icon: Award, items: achievements.certificates, empty: 'No certificates yet: they come with finished courses.' },
    { key: 'badges', title: 'Badges', icon: Medal, items: achievements.badges, empty: 'No badges yet.' },
    { key: 'milestones', title: 'Milestones', icon: Milestone, items: achievements.milestones, empty: 'No milestones yet.' },
  ];
  return (
    <div className="flex flex-col gap-4" data-testid="view-achievements">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <PartnerStatsCard label="All achievements" value={formatNumber(c.total)} testId="achievements-total" />
        <PartnerStatsCard label="Certificates" value={formatNumber(c.certificates)} icon={Award} />
        <PartnerStatsCard label="Badges" value={formatNumber(c.badges)} icon={Medal} />
        <PartnerStatsCard label="Milestones" value={formatNumber(c.milestones)} icon={Milestone} />
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {groups.map((g) => (
          <PartnerBentoCard key={g.key} title={g.title} icon={g.icon} description={`${formatNumber(g.items.length)} earned`} testId={`achievements-${g.key}`}>
            {g.items.length === 0 ? (
              <p className="text-sm text-fg-subtle">{g.empty}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {[...g.items]
                  .sort((a, b) => b.awardedAt.localeCompare(a.awardedAt))
                  .map((a) => (
                    <li key={a.id} className="flex items-start gap-3">
                      <span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg bg-brand-soft text-brand-text" aria-hidden="true">
                        <g.icon className="size-4" />
                      </span>
                      <div className="min-w-0">
                        <p className="text-sm font-medium text-fg">{a.title}</p>
                        {a.description && <p className="text-xs text-fg-muted">{a.description}</p>}
                        <p className="mt-0.5 text-[11px] text-fg-subtle">
                          {a.learningAreaName ? `${a.learningAreaName} · ` : ''}
                          {formatDate(a.awardedAt)}
                        </p>
                      </div>
                    </li>
                  ))}
              </ul>
            )}
          </PartnerBentoCard>
        ))}
      </div>
    </div>
  );
}
