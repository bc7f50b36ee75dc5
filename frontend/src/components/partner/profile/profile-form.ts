import type { ProfileRequest, ProfileResponse } from '@/types/partner';

/** The form's values: every field a string (or boolean), as the inputs hold them. Keys are the server's field names. */
export interface ProfileFormValues {
  organizationName: string;
  organizationType: string;
  displayName: string;
  tagline: string;
  bio: string;
  contactPerson: string;
  contactEmail: string;
  contactPhone: string;
  'address.line1': string;
  'address.line2': string;
  'address.city': string;
  'address.county': string;
  'address.postalCode': string;
  'address.country': string;
  website: string;
  'socialLinks.twitter': string;
  'socialLinks.facebook': string;
  'socialLinks.linkedIn': string;
  'socialLinks.instagram': string;
  registrationNumber: string;
  taxId: string;
  taxExempt: boolean;
  specializations: string;
  'brandingConfig.primaryColor': string;
  'brandingConfig.secondaryColor': string;
  'brandingConfig.reportFooter': string;
}

export type ProfileField = keyof ProfileFormValues;

export function toFormValues(p: ProfileResponse): ProfileFormValues {
  return {
    organizationName: p.organizationName,
    organizationType: p.organizationType ?? '',
    displayName: p.displayName,
    tagline: p.tagline ?? '',
    bio: p.bio ?? '',
    contactPerson: p.contactPerson ?? '',
    contactEmail: p.contactEmail ?? '',
    contactPhone: p.contactPhone ?? '',
    'address.line1': p.address.line1 ?? '',
    'address.line2': p.address.line2 ?? '',
    'address.city': p.address.city ?? '',
    'address.county': p.address.county ?? '',
    'address.postalCode': p.address.postalCode ?? '',
    'address.country': p.address.country ?? 'Kenya',
    website: p.website ?? '',
    'socialLinks.twitter': p.socialLinks.twitter ?? '',
    'socialLinks.facebook': p.socialLinks.facebook ?? '',
    'socialLinks.linkedIn': p.socialLinks.linkedIn ?? '',
    'socialLinks.instagram': p.socialLinks.instagram ?? '',
    registrationNumber: p.registrationNumber ?? '',
    taxId: p.taxId ?? '',
    taxExempt: p.taxExempt,
    specializations: p.specializations.join(', '),
    'brandingConfig.primaryColor': p.brandingConfig.primaryColor ?? '#E40000',
    'brandingConfig.secondaryColor': p.brandingConfig.secondaryColor ?? '',
    'brandingConfig.reportFooter': p.brandingConfig.reportFooter ?? '',
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

export function toRequest(v: ProfileFormValues): ProfileRequest {
  return {
    organizationName: v.organizationName.trim(),
    organizationType: (v.organizationType || null) as ProfileRequest['organizationType'],
    displayName: orNull(v.displayName),
    tagline: orNull(v.tagline),
    bio: orNull(v.bio),
    contactPerson: orNull(v.contactPerson),
    contactEmail: orNull(v.contactEmail),
    contactPhone: orNull(v.contactPhone),
    address: {
      line1: orNull(v['address.line1']),
      line2: orNull(v['address.line2']),
      city: orNull(v['address.city']),
      county: orNull(v['address.county']),
      postalCode: orNull(v['address.postalCode']),
      country: orNull(v['address.country']),
    },
    website: orNull(v.website),
    socialLinks: {
      twitter: orNull(v['socialLinks.twitter']),
      facebook: orNull(v['socialLinks.facebook']),
      linkedIn: orNull(v['socialLinks.linkedIn']),
      instagram: orNull(v['socialLinks.instagram']),
    },
    registrationNumber: orNull(v.registrationNumber),
    taxId: orNull(v.taxId),
    taxExempt: v.taxExempt,
    specializations: v.specializations.split(',').map((s) => s.trim()).filter(Boolean),
    brandingConfig: {
      primaryColor: orNull(v['brandingConfig.primaryColor']),
      secondaryColor: orNull(v['brandingConfig.secondaryColor']),
      reportFooter: orNull(v['brandingConfig.reportFooter']),
    },
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(?:\+?254|0)?[17]\d{8}$/;

/** The checks that need no server; the server checks everything again and names the same fields. */
export function validateProfile(v: ProfileFormValues): Partial<Record<ProfileField, string>> {
  const e: Partial<Record<ProfileField, string>> = {};
  if (!v.organizationName.trim()) e.organizationName = 'Enter your organisation’s name.';
  if (v.contactEmail.trim() && !EMAIL.test(v.contactEmail.trim())) e.contactEmail = 'Enter a valid email address, like info@example.org.';
  if (v.contactPhone.trim() && !PHONE.test(v.contactPhone.replace(/[\s\-().]/g, '')))
    e.contactPhone = 'Enter a Kenyan phone number, like 0712 345 678 or +254 712 345 678.';
  for (const f of ['brandingConfig.primaryColor', 'brandingConfig.secondaryColor'] as const)
    if (v[f].trim() && !/^#[0-9a-fA-F]{6}$/.test(v[f].trim())) e[f] = 'Give the colour as #RRGGBB, like #E40000.';
  if (v.taxId.trim() && !/^[AP]\d{9}[A-Z]$/i.test(v.taxId.trim())) e.taxId = 'Enter the KRA PIN: A or P, nine digits and a letter, like P051234567X.';
  return e;
}
