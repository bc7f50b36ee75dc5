import { ChevronDown } from 'lucide-react';
import { cn } from '@/lib/cn';
import type { ParentConsent } from '@/types/partner';
import { ConsentTextBlock } from './ConsentTextBlock';
import { firstName } from './consent-display';
import { translate } from '@/i18n/i18n';
import { useTranslation } from '@/i18n/use-translation';

/** "Faith", "Faith and Brian", "Faith, Brian and Joy" ("Faith na Brian" in Kiswahili). */
export function namesList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${translate('consent.and')} ${names[names.length - 1]}`;
}

interface SignTogetherChoiceProps {
  /** This request first, then the guardian's other requests waiting in the same program. */
  requests: ParentConsent[];
  together: boolean;
  onChange: (together: boolean) => void;
  disabled?: boolean;
}

function Option({ checked, onSelect, disabled, testId, children }: { checked: boolean; onSelect: () => void; disabled?: boolean; testId: string; children: React.ReactNode }) {
  return (
    <label
      className={cn(
        'flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border bg-app px-4 py-3 text-[15px] text-fg transition-colors',
        checked ? 'border-brand ring-1 ring-brand' : 'border-line hover:border-line-strong',
      )}
    >
      <input type="radio" className="size-5 shrink-0 cursor-pointer accent-[#e40000]" checked={checked} onChange={onSelect} disabled={disabled} data-testid={testId} />
      <span className="min-w-0">{children}</span>
    </label>
  );
}

/**
 * When the guardian has other children waiting in the same program: sign for this child only, or for all of them with
 * one signature. Choosing all lists each child and the consent they would get (its own record, its own text).
 */
export function SignTogetherChoice({ requests, together, onChange, disabled }: SignTogetherChoiceProps) {
  const [current] = requests;
  if (!current) return null;
  const names = requests.map((r) => firstName(r.childName));
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-2" data-testid="consent-sign-scope">
      <legend className="mb-2 text-sm font-medium text-fg">{t('consent.whoSigningFor')}</legend>
      <Option checked={!together} onSelect={() => onChange(false)} disabled={disabled} testId="consent-sign-one">
        <span className="font-medium">{t('consent.signOne', { child: names[0] })}</span>
      </Option>
      <Option checked={together} onSelect={() => onChange(true)} disabled={disabled} testId="consent-sign-all">
        <span className="block font-medium">{t('consent.signAll', { count: requests.length })}</span>
        <span className="block text-sm text-fg-muted [overflow-wrap:anywhere]">{namesList(names)}</span>
      </Option>

      {together && (
        <div className="mt-2 rounded-lg border border-line bg-elevated p-3" data-testid="consent-together-list">
          <p className="text-sm text-fg-muted">
            {t('consent.togetherText', { partner: current.partnerName })}
          </p>
          <ul className="mt-3 flex flex-col gap-2">
            {requests.map((r) => (
              <li key={r.id} className="rounded-lg border border-line bg-app" data-testid="consent-together-child">
                <details className="group">
                  <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 px-3 py-2 [&::-webkit-details-marker]:hidden">
                    <span className="min-w-0">
                      <span className="block text-[15px] font-semibold text-fg">{firstName(r.childName)}</span>
                      <span className="block text-xs text-fg-muted [overflow-wrap:anywhere]">
                        {t('consent.consentFor', { child: r.childName, program: r.programName })}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-1 text-xs font-medium text-fg-muted">
                      {t('consent.read')} <ChevronDown className="size-4 transition-transform group-open:rotate-180" aria-hidden="true" />
                    </span>
                  </summary>
                  <div className="px-3 pb-3">
                    <ConsentTextBlock text={r.consentText} version={r.consentTextVersion} language={r.consentTextLanguage} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
