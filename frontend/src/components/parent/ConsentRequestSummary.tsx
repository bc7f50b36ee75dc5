import type { ReactNode } from 'react';
import { Building2, Check, EyeOff } from 'lucide-react';
import type { ParentConsent } from '@/types/partner';
import { firstName, formatNairobiDateTime } from './consent-display';
import { useTranslation, type Translation } from '@/i18n/use-translation';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card p-4 sm:p-5">
      <h2 id={id} className="text-base font-semibold text-fg">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function seesTitle(consent: ParentConsent, t: Translation['t']): string {
  const partner = consent.partnerName;
  if (consent.status === 'pending') return t('consent.willSee', { partner });
  if (consent.status === 'given') return t('consent.sees', { partner });
  return t('consent.wouldSee', { partner });
}

/** Who is asking, and what they would and would not see if the guardian agrees. */
export function ConsentRequestSummary({ consent }: { consent: ParentConsent }) {
  const child = firstName(consent.childName);
  const { t } = useTranslation();
  return (
    <>
      <Section id="consent-who" title={t('consent.whoIsAsking')}>
        <div className="flex items-start gap-3" data-testid="consent-who">
          <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-elevated text-fg-muted" aria-hidden="true">
            <Building2 className="size-5" />
          </span>
          <div className="min-w-0 text-sm">
            <p className="text-[15px] font-semibold text-fg">{consent.partnerName}</p>
            {consent.partnerOrganizationType && <p className="text-fg-muted">{consent.partnerOrganizationType}</p>}
            <p className="mt-3 text-fg-muted">
              {t('consent.program')} <span className="font-medium text-fg [overflow-wrap:anywhere]">{consent.programName}</span>
            </p>
            {consent.programDescription && <p className="mt-1 leading-relaxed text-fg-muted">{consent.programDescription}</p>}
            {(consent.programStartDate || consent.programEndDate) && (
              <p className="mt-2 text-fg-muted" data-testid="consent-program-dates">
                {t('consent.runs', { start: consent.programStartDate ?? '…', end: consent.programEndDate ?? t('consent.openEnded') })}
              </p>
            )}
            {consent.programGoals.length > 0 && (
              <>
                <p className="mt-3 font-medium text-fg">{t('consent.goals')}</p>
                <ul className="mt-1 list-disc pl-5 text-fg-muted" data-testid="consent-program-goals">
                  {consent.programGoals.map((goal) => (
                    <li key={goal}>{goal}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="mt-3 text-xs text-fg-subtle" data-testid="consent-shown-as-asked">
              {consent.shownAsAsked
                ? t('consent.shownAsAsked', { when: formatNairobiDateTime(consent.requestedAt) })
                : t('consent.olderThanSnapshot')}
            </p>
          </div>
        </div>
      </Section>

      <Section id="consent-sees" title={seesTitle(consent, t)}>
        <ul className="flex flex-col gap-2 text-[15px]" data-testid="consent-sees">
          {consent.whatPartnerSees.map((item) => (
            <li key={item} className="flex items-start gap-2.5">
              <Check className="mt-0.5 size-5 shrink-0 text-ok" aria-hidden="true" />
              <span>{item}</span>
            </li>
          ))}
        </ul>
        <h3 className="mt-5 text-sm font-semibold text-fg">{t('consent.willNotSee')}</h3>
        <ul className="mt-2 flex flex-col gap-2 text-[15px]" data-testid="consent-not-sees">
          {consent.whatPartnerDoesNotSee.map((item) => (
            <li key={item} className="flex items-start gap-2.5">
              <EyeOff className="mt-0.5 size-5 shrink-0 text-fg-subtle" aria-hidden="true" />
              <span>{item}</span>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-sm text-fg-muted">
          {t('consent.onlyWhileStands', { child })}
        </p>
      </Section>
    </>
  );
}
