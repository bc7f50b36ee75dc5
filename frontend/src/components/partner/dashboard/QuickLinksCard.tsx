import { Link } from 'react-router';
import { ArrowUpRight, Link2 } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerEmptyState } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import type { QuickLink } from '@/types/partner';
import { isBuiltHref } from '@/components/partner/sidebar/partner-sections';

/** Shortcuts from the server, less those into sections not built yet: no link leads to an empty page. */
export function QuickLinksCard({ links: all }: { links: QuickLink[] }) {
  const links = all.filter((l) => isBuiltHref(l.href));
  return (
    <PartnerBentoCard id="quick-links" title="Quick links" description="Where your attention is needed" icon={Link2} colSpan={2} testId="card-quick-links">
      {links.length === 0 ? (
        <PartnerEmptyState compact title="No quick links" description="Shortcuts appear here as your programs grow." />
      ) : (
        <ul className="-mx-2 grid grid-cols-1 gap-x-4 sm:grid-cols-2">
          {links.map((link) => (
            <li key={link.key}>
              <Link
                to={link.href}
                data-testid={`quick-link-${link.key}`}
                className="group flex items-center gap-3 rounded-lg px-2 py-2.5 transition-colors hover:bg-elevated"
              >
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-1 text-sm font-medium text-fg">
                    {link.label}
                    <ArrowUpRight className="size-3.5 text-fg-subtle opacity-0 transition-opacity group-hover:opacity-100" aria-hidden="true" />
                  </span>
                  <span className="block text-xs text-fg-subtle">{link.description}</span>
                </span>
                {link.count !== null && (
                  <PartnerBadge tone={link.count > 0 ? 'brand' : 'neutral'} testId={`quick-link-count-${link.key}`}>
                    {formatNumber(link.count)}
                  </PartnerBadge>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PartnerBentoCard>
  );
}
