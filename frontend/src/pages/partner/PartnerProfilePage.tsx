import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { BadgeCheck, Building2, Clock, ImageIcon, LoaderCircle, Palette, Save, ShieldAlert } from 'lucide-react';
import { PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { BrandingPreview } from '@/components/partner/profile/BrandingPreview';
import { ImageUploadField } from '@/components/partner/profile/ImageUploadField';
import { KENYA_COUNTIES } from '@/components/partner/profile/kenya-counties';
import { toFormValues, toRequest, validateProfile, type ProfileField, type ProfileFormValues } from '@/components/partner/profile/profile-form';
import { isApiError } from '@/lib/api';
import { organizationTypes, useProfile, useSaveProfile } from '@/services/partner/profile';
import type { ProfileResponse } from '@/types/partner';

type Errors = Partial<Record<ProfileField, string>>;

/** `/dashboard/partner/profile`: the organisation's details, pictures and branding; owners edit, other members read. */
export default function PartnerProfilePage() {
  const profile = useProfile();
  return (
    <>
      <PartnerPageHeader
        title="Profile"
        description="Your organisation as Elimu, guardians and your invoices show it."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Account' }, { label: 'Profile' }]}
      />
      {profile.isError ? (
        <QueryErrorState title="The profile could not be loaded" error={profile.error} onRetry={() => void profile.refetch()} />
      ) : profile.isPending ? (
        <p className="text-sm text-fg-muted">Loading the profile…</p>
      ) : (
        <ProfileEditor profile={profile.data} />
      )}
    </>
  );
}

function ProfileEditor({ profile }: { profile: ProfileResponse }) {
  const save = useSaveProfile();
  const [values, setValues] = useState<ProfileFormValues>(() => toFormValues(profile));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const editable = profile.canEdit;
  useEffect(() => setValues(toFormValues(profile)), [profile]);

  const set = (field: ProfileField, value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSaved(false);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateProfile(values);
    setErrors(invalid);
    setRefusal(null);
    if (Object.keys(invalid).length > 0) return;
    try {
      await save.mutateAsync(toRequest(values));
      setSaved(true);
    } catch (error) {
      if (!isApiError(error)) throw error;
      const fromServer: Errors = {};
      for (const [key, messages] of Object.entries(error.errors ?? {})) fromServer[key as ProfileField] = messages[0];
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setRefusal(error.detail ?? error.message);
    }
  };

  const field = (name: ProfileField, label: string, extra: Partial<FieldProps> = {}) => (
    <TextField name={name} label={label} value={String(values[name])} error={errors[name]} disabled={!editable} onChange={(v) => set(name, v)} {...extra} />
  );
  const warnings = profile.warnings;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-col gap-5" data-testid="profile-form">
      <VerificationBanner profile={profile} />
      {!editable && (
        <p className="rounded-lg border border-line bg-card px-4 py-3 text-sm text-fg-muted" data-testid="read-only-note">
          Only an owner of your organisation can change the profile.
        </p>
      )}

      <Section id="organisation" title="Organisation" icon={Building2}>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('organizationName', 'Organisation name', { required: true })}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="organizationType" className="text-xs font-medium text-fg-muted">Type</label>
            <select id="organizationType" className="input" value={values.organizationType} disabled={!editable} onChange={(e) => set('organizationType', e.target.value)}>
              {organizationTypes.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          {field('displayName', 'Display name')}
          {field('tagline', 'Tagline')}
          {field('registrationNumber', 'Registration number')}
          {field('specializations', 'Focus areas (comma-separated)', { placeholder: 'Literacy, STEM' })}
        </div>
        <TextArea name="bio" label="About the organisation" value={values.bio} error={errors.bio} disabled={!editable} onChange={(v) => set('bio', v)} />
      </Section>

      <Section id="contact" title="Contact and address" icon={Building2}>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('contactPerson', 'Contact person', { autoComplete: 'name' })}
          {field('contactEmail', 'Contact email', { type: 'email', autoComplete: 'email' })}
          {field('contactPhone', 'Phone (Kenya)', { type: 'tel', placeholder: '0712 345 678', autoComplete: 'tel' })}
          {field('website', 'Website', { placeholder: 'https://example.org' })}
          {field('address.line1', 'Address')}
          {field('address.line2', 'Address (line 2)')}
          {field('address.city', 'Town or city')}
          {field('address.county', 'County', { list: 'kenya-counties' })}
          {field('address.postalCode', 'Postal code', { placeholder: '00100' })}
          {field('address.country', 'Country')}
        </div>
        <datalist id="kenya-counties">{KENYA_COUNTIES.map((c) => <option key={c} value={c} />)}</datalist>
      </Section>

      <Section id="online" title="Social links and tax" icon={BadgeCheck}>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('socialLinks.twitter', 'X (Twitter)')}
          {field('socialLinks.facebook', 'Facebook')}
          {field('socialLinks.linkedIn', 'LinkedIn')}
          {field('socialLinks.instagram', 'Instagram')}
          {field('taxId', 'KRA PIN', { placeholder: 'P051234567X' })}
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-fg">
            <input type="checkbox" checked={values.taxExempt} disabled={!editable} onChange={(e) => set('taxExempt', e.target.checked)} data-testid="taxExempt" />
            Tax exempt
          </label>
        </div>
      </Section>

      <Section id="branding" title="Logo, banner and branding" icon={Palette}>
        <div className="grid gap-6 lg:grid-cols-[auto_1fr]">
          <ImageUploadField kind="logo" url={profile.logoUrl} canEdit={editable} hint="PNG, JPEG or WebP, up to 2 MB, at least 64 × 64." />
          <ImageUploadField kind="banner" url={profile.bannerUrl} canEdit={editable} hint="At least 600 × 150 and twice as wide as tall." />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="flex flex-col gap-4">
            <ColorField name="brandingConfig.primaryColor" label="Primary colour" value={values['brandingConfig.primaryColor']} error={errors['brandingConfig.primaryColor']}
              warning={warnings.find((w) => w.field === 'brandingConfig.primaryColor')?.message} disabled={!editable} onChange={(v) => set('brandingConfig.primaryColor', v)} />
            <ColorField name="brandingConfig.secondaryColor" label="Secondary colour" value={values['brandingConfig.secondaryColor']} error={errors['brandingConfig.secondaryColor']}
              warning={warnings.find((w) => w.field === 'brandingConfig.secondaryColor')?.message} disabled={!editable} onChange={(v) => set('brandingConfig.secondaryColor', v)} />
            {field('brandingConfig.reportFooter', 'Footer on invoices and reports')}
          </div>
          <BrandingPreview organizationName={values.organizationName} primaryColor={values['brandingConfig.primaryColor']}
            secondaryColor={values['brandingConfig.secondaryColor']} footer={values['brandingConfig.reportFooter']} logoUrl={profile.logoUrl} />
        </div>
      </Section>

      {editable && (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-app/95 py-3 backdrop-blur">
          <button type="submit" className="btn-primary" disabled={save.isPending} data-testid="profile-save">
            {save.isPending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : <Save className="size-4" aria-hidden="true" />}
            Save profile
          </button>
          {saved && <span role="status" className="text-sm text-ok" data-testid="profile-saved">Saved.</span>}
          {Object.values(errors).some(Boolean) && <span role="alert" className="text-sm text-brand-text">Some fields need attention.</span>}
          {refusal && <span role="alert" className="text-sm text-brand-text">{refusal}</span>}
        </div>
      )}
    </form>
  );
}

function VerificationBanner({ profile }: { profile: ProfileResponse }) {
  if (profile.verificationStatus === 'verified') return null;
  const rejected = profile.verificationStatus === 'rejected';
  const Icon = rejected ? ShieldAlert : Clock;
  return (
    <div role="status" data-testid="verification-banner" className="flex gap-3 rounded-lg border border-brand/40 bg-brand-soft px-4 py-3 text-sm text-fg">
      <Icon className="mt-0.5 size-4 shrink-0 text-brand-text" aria-hidden="true" />
      <p>
        {rejected
          ? `Elimu could not verify your organisation${profile.verificationNote ? `: ${profile.verificationNote}` : '.'} Update your details and contact support.`
          : 'Your organisation is waiting for verification by Elimu. Meanwhile, complete your profile and invite your team; programs and consent requests open once you are verified.'}
      </p>
    </div>
  );
}

function Section({ id, title, icon: Icon, children }: { id: string; title: string; icon: typeof ImageIcon; children: ReactNode }) {
  return (
    <section id={id} className="card flex scroll-mt-20 flex-col gap-4 p-5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="flex items-center gap-2 text-base font-semibold text-fg">
        <Icon className="size-4 text-brand-text" aria-hidden="true" /> {title}
      </h2>
      {children}
    </section>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  type?: string;
  placeholder?: string;
  autoComplete?: string;
  list?: string;
  required?: boolean;
}

function TextField({ name, label, value, error, disabled, onChange, type = 'text', placeholder, autoComplete, list, required }: FieldProps) {
  const id = name.replace('.', '-');
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">{label}</label>
      <input id={id} name={name} type={type} className="input" value={value} disabled={disabled} placeholder={placeholder} autoComplete={autoComplete}
        list={list} aria-required={required || undefined} aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)} data-testid={`field-${name}`} />
      {error && <p id={`${id}-error`} className="text-xs text-brand-text" data-testid={`error-${name}`}>{error}</p>}
    </div>
  );
}

function TextArea({ name, label, value, error, disabled, onChange }: FieldProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={name} className="text-xs font-medium text-fg-muted">{label}</label>
      <textarea id={name} className="input min-h-24 py-2" value={value} disabled={disabled} aria-invalid={!!error || undefined} onChange={(e) => onChange(e.target.value)} />
      {error && <p className="text-xs text-brand-text">{error}</p>}
    </div>
  );
}

function ColorField({ name, label, value, error, warning, disabled, onChange }: FieldProps & { warning?: string }) {
  const id = name.replace('.', '-');
  const valid = /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">{label}</label>
      <div className="flex gap-2">
        <input type="color" aria-label={`${label} picker`} className="h-10 w-12 cursor-pointer rounded border border-line bg-transparent" value={valid ? value : '#000000'}
          disabled={disabled} onChange={(e) => onChange(e.target.value.toUpperCase())} />
        <input id={id} className="input flex-1 font-mono" value={value} placeholder="#RRGGBB" disabled={disabled} aria-invalid={!!error || undefined}
          onChange={(e) => onChange(e.target.value)} data-testid={`field-${name}`} />
      </div>
      {error && <p className="text-xs text-brand-text" data-testid={`error-${name}`}>{error}</p>}
      {!error && warning && <p className="text-xs text-warn" data-testid={`warning-${name}`}>{warning}</p>}
    </div>
  );
}
