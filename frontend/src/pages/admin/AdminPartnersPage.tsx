import { useState } from 'react';
import { BadgeCheck, ShieldX, Tags } from 'lucide-react';
import { PartnerPricingPanel } from '@/components/admin/PartnerPricingPanel';
import { PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { useAdminPartners, useDecidePartner, type VerificationStatus } from '@/services/admin/partners';
import type { PartnerVerificationItem } from '@/types/partner';

const TABS: { status: VerificationStatus; label: string }[] = [
  { status: 'pending', label: 'Waiting' },
  { status: 'verified', label: 'Verified' },
  { status: 'rejected', label: 'Turned down' },
];

/** `/dashboard/admin/partners`: organisations that signed up, to verify (they may then create programs) or turn down with a reason. */
export default function AdminPartnersPage() {
  const [status, setStatus] = useState<VerificationStatus>('pending');
  const partners = useAdminPartners(status);
  return (
    <>
      <PartnerPageHeader title="Partner verification" description="New organisations wait here until you verify them; they are told either way."
        breadcrumbs={[{ label: 'Admin', to: '/dashboard/admin' }, { label: 'Partners' }]} />
      <div role="tablist" className="mb-4 flex gap-2">
        {TABS.map((t) => (
          <button key={t.status} role="tab" aria-selected={status === t.status} className={status === t.status ? 'btn-primary' : 'btn-secondary'}
            onClick={() => setStatus(t.status)} data-testid={`partners-tab-${t.status}`}>{t.label}</button>
        ))}
      </div>
      {partners.isError ? (
        <QueryErrorState title="The partners could not be loaded" error={partners.error} onRetry={() => void partners.refetch()} />
      ) : partners.isPending ? (
        <p className="text-sm text-fg-muted">Loading…</p>
      ) : partners.data.items.length === 0 ? (
        <p className="card p-5 text-sm text-fg-muted" data-testid="partners-empty">No organisations here.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {partners.data.items.map((p) => <PartnerRow key={p.profileId} partner={p} />)}
        </ul>
      )}
    </>
  );
}

function PartnerRow({ partner }: { partner: PartnerVerificationItem }) {
  const decide = useDecidePartner();
  const [rejecting, setRejecting] = useState(false);
  const [pricing, setPricing] = useState(false);
  const [reason, setReason] = useState('');
  const error = decide.isError && isApiError(decide.error) ? (decide.error.fieldErrors('reason')[0] ?? decide.error.detail ?? decide.error.message) : null;
  return (
    <li className="card flex flex-col gap-3 p-4" data-testid="partner-row">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-semibold text-fg">{partner.organizationName} <span className="text-xs font-normal text-fg-muted">· {partner.organizationType}</span></p>
          <p className="text-sm text-fg-muted">{[partner.contactPerson, partner.contactEmail, partner.contactPhone, partner.county].filter(Boolean).join(' · ')}</p>
          <p className="text-xs text-fg-subtle">Signed up {new Date(partner.createdAt).toLocaleDateString('en-KE', { timeZone: 'Africa/Nairobi', dateStyle: 'medium' })}
            {partner.registrationNumber && ` · Registration ${partner.registrationNumber}`}</p>
          {partner.verificationNote && <p className="mt-1 text-xs text-fg-muted">Reason: {partner.verificationNote}</p>}
        </div>
        {partner.verificationStatus === 'verified' && (
          <button type="button" className="btn-secondary" aria-expanded={pricing} onClick={() => setPricing((p) => !p)} data-testid="pricing-toggle">
            <Tags className="size-4" aria-hidden="true" /> Custom pricing
          </button>
        )}
        {partner.verificationStatus !== 'verified' && (
          <div className="flex gap-2">
            <button type="button" className="btn-primary" disabled={decide.isPending} onClick={() => decide.mutate({ id: partner.profileId, verify: true })} data-testid="verify-partner">
              <BadgeCheck className="size-4" aria-hidden="true" /> Verify
            </button>
            {partner.verificationStatus === 'pending' && (
              <button type="button" className="btn-secondary" onClick={() => setRejecting((r) => !r)} data-testid="reject-partner">
                <ShieldX className="size-4" aria-hidden="true" /> Turn down
              </button>
            )}
          </div>
        )}
      </div>
      {rejecting && (
        <div className="flex flex-col gap-2 sm:flex-row">
          <input className="input flex-1" placeholder="Why can it not be verified?" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
          <button type="button" className="btn-secondary" disabled={decide.isPending} onClick={() => decide.mutate({ id: partner.profileId, verify: false, reason })}>Send</button>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-brand-text">{error}</p>}
      {pricing && <PartnerPricingPanel partnerId={partner.partnerId} partnerName={partner.organizationName} />}
    </li>
  );
}
