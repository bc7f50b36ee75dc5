import { contrast, isHexColor } from '@/services/partner/profile';

interface Props {
  organizationName: string;
  primaryColor: string;
  secondaryColor: string;
  footer: string;
  logoUrl: string | null;
}

/**
 * A live preview of an invoice as the partner's brand prints it: the name in white on the primary colour, rules in the
 * secondary colour on white paper (the text there stays dark: a light secondary colour would leave it unreadable). It
 * follows the form as it is typed, before anything is saved.
 */
export function BrandingPreview({ organizationName, primaryColor, secondaryColor, footer, logoUrl }: Props) {
  const primary = isHexColor(primaryColor) ? primaryColor : '#E40000';
  const secondary = isHexColor(secondaryColor) ? secondaryColor : '#1F2937';
  const headerContrast = contrast(primary, '#FFFFFF');
  return (
    <figure className="flex flex-col gap-2" data-testid="branding-preview">
      <div className="overflow-hidden rounded-lg border border-line bg-white text-[11px] text-neutral-800 shadow-sm">
        <div className="flex items-center gap-3 px-4 py-3" style={{ backgroundColor: primary }}>
          {logoUrl ? (
            <img src={logoUrl} alt="" className="size-9 rounded bg-white object-contain p-0.5" />
          ) : (
            <div className="grid size-9 place-items-center rounded bg-white/20 text-sm font-semibold text-white">{organizationName.slice(0, 1) || 'E'}</div>
          )}
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-white">{organizationName || 'Your organisation'}</p>
            <p className="text-[10px] text-white">Invoice INV-2026-000123</p>
          </div>
        </div>
        <div className="space-y-2 px-4 py-3">
          <p className="border-l-4 pl-2 font-semibold text-neutral-900" style={{ borderColor: secondary }}>Sponsorship for Term 1, 2027</p>
          <div className="flex justify-between border-b border-neutral-200 pb-1"><span>24 children × KES 1,500</span><span>KES 36,000.00</span></div>
          <div className="flex justify-between border-b-2 pb-1 font-semibold text-neutral-900" style={{ borderColor: secondary }}><span>Total</span><span>KES 36,000.00</span></div>
        </div>
        <p className="border-t px-4 py-2 text-[10px] text-neutral-500" style={{ borderColor: secondary }}>{footer || 'Your report footer appears here.'}</p>
      </div>
      <figcaption className="text-xs text-fg-muted" data-testid="preview-contrast">
        White on your primary colour: {headerContrast.toFixed(1)}:1{' '}
        {headerContrast < 4.5 ? <span className="text-warn">— hard to read; try a darker shade.</span> : <span>— reads well.</span>}
      </figcaption>
    </figure>
  );
}
