import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Loader2 } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { useUpdateNotificationPreferences } from '@/services/partner/notifications';
import { toast } from '@/store/toastStore';
import type { CategoryPreference, DigestFrequency, NotificationPreferencesView } from '@/types/partner';
import { DIGEST_OPTIONS, NOTIFICATION_CATEGORIES } from './notification-labels';

const COMMON_ZONES = ['Africa/Nairobi', 'Africa/Kampala', 'Africa/Dar_es_Salaam', 'Africa/Lagos', 'Africa/Johannesburg', 'Europe/London', 'America/New_York', 'UTC'];

function zoneOptions(current: string): string[] {
  const all: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, ...COMMON_ZONES, ...all])];
}

type Channel = 'inApp' | 'email' | 'digest';
const CHANNELS: { key: Channel; label: string }[] = [
  { key: 'inApp', label: 'In the app' },
  { key: 'email', label: 'Email' },
  { key: 'digest', label: 'In the digest' },
];

/** Per category: shown in the app, emailed at once, summed up in the digest; then how often the digest comes and in which time zone. */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferencesView }) {
  const id = useId();
  const save = useUpdateNotificationPreferences();
  const [digest, setDigest] = useState<DigestFrequency>(preferences.digest);
  const [timeZone, setTimeZone] = useState(preferences.timeZone);
  const [categories, setCategories] = useState<CategoryPreference[]>(preferences.categories);
  useEffect(() => {
    setDigest(preferences.digest);
    setTimeZone(preferences.timeZone);
    setCategories(preferences.categories);
  }, [preferences]);
  const zones = useMemo(() => zoneOptions(preferences.timeZone), [preferences.timeZone]);

  const toggle = (category: string, channel: Channel) =>
    setCategories((list) => list.map((c) => (c.category === category ? { ...c, [channel]: !c[channel] } : c)));
  const zoneError = isApiError(save.error) ? save.error.fieldErrors('timeZone')[0] : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { digest, timeZone, categories },
      {
        onSuccess: () => toast.success('Your notification preferences are saved.'),
        // A refused time zone is said next to its field; anything else in a toast.
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors('timeZone').length > 0) return;
          toast.error(isApiError(error) ? error.message : 'We couldn’t save your preferences.');
        },
      },
    );
  };

  const byCategory = new Map(categories.map((c) => [c.category, c]));
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" data-testid="preferences-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        Notification preferences
      </h2>
      <div className="card overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">How you hear about each kind of news</caption>
          <thead>
            <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-subtle">
              <th scope="col" className="px-4 py-3 font-medium">Category</th>
              {CHANNELS.map((ch) => (
                <th key={ch.key} scope="col" className="px-4 py-3 text-center font-medium">{ch.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_CATEGORIES.map((info) => {
              const pref = byCategory.get(info.value);
              if (!pref) return null;
              return (
                <tr key={info.value} className="border-b border-line last:border-0" data-testid={`pref-${info.value}`}>
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    <span className="block font-medium text-fg">{info.label}</span>
                    <span className="block text-xs text-fg-subtle">{info.description}</span>
                  </th>
                  {CHANNELS.map((ch) => (
                    <td key={ch.key} className="px-4 py-3 text-center">
                      <input
                        type="checkbox"
                        className="size-4 accent-[var(--color-brand)]"
                        checked={pref[ch.key]}
                        onChange={() => toggle(info.value, ch.key)}
                        aria-label={`${info.label}: ${ch.label.toLowerCase()}`}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="card grid gap-4 p-4 sm:grid-cols-2 sm:p-5">
        <div>
          <label htmlFor={`${id}-digest`} className="text-sm font-medium text-fg">Digest email</label>
          <p className="mb-2 text-xs text-fg-subtle">Children needing attention, consents answered, payments due and the week’s learning per program.</p>
          <select id={`${id}-digest`} className="input" value={digest} onChange={(e) => setDigest(e.target.value as DigestFrequency)} data-testid="digest-frequency">
            {DIGEST_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-zone`} className="text-sm font-medium text-fg">Time zone</label>
          <p className="mb-2 text-xs text-fg-subtle">The digest arrives at 07:00 in this time zone.</p>
          <select
            id={`${id}-zone`}
            className="input"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            aria-invalid={zoneError ? true : undefined}
            aria-describedby={zoneError ? `${id}-zone-error` : undefined}
            data-testid="time-zone"
          >
            {zones.map((z) => (
              <option key={z} value={z}>{z.replaceAll('_', ' ')}</option>
            ))}
          </select>
          {zoneError && (
            <p id={`${id}-zone-error`} className="mt-1 text-xs text-brand-text" role="alert">{zoneError}</p>
          )}
        </div>
      </div>

      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={save.isPending} data-testid="save-preferences">
          {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
          Save preferences
        </button>
      </div>
    </form>
  );
}
