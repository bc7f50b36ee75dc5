import { useRef, useState } from 'react';
import { ImageUp, LoaderCircle, Trash2 } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { IMAGE_RULES, useDeleteImage, useUploadImage, type ImageKind } from '@/services/partner/profile';

interface Props {
  kind: ImageKind;
  url: string | null;
  canEdit: boolean;
  hint: string;
}

/** Pick a picture, see it at once, watch it upload; the server's answer (type by content, size, shape) shows below. */
export function ImageUploadField({ kind, url, canEdit, hint }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useUploadImage(kind, (f) => setProgress(f));
  const remove = useDeleteImage(kind);
  const label = kind === 'logo' ? 'Logo' : 'Banner';

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!IMAGE_RULES.types.includes(file.type)) return setError('Choose a PNG, JPEG or WebP picture.');
    if (file.size > IMAGE_RULES.maxBytes) return setError('The picture is larger than 2 MB.');
    const local = URL.createObjectURL(file);
    setPreview(local);
    setProgress(0);
    try {
      await upload.mutateAsync(file);
    } catch (e) {
      setError(isApiError(e) ? (e.fieldErrors('file')[0] ?? e.detail ?? e.message) : 'The upload failed.');
    } finally {
      setPreview(null);
      URL.revokeObjectURL(local);
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const shown = preview ?? url;
  return (
    <div className="flex flex-col gap-2" data-testid={`${kind}-field`}>
      <span className="text-xs font-medium text-fg-muted">{label}</span>
      <div className={`grid place-items-center overflow-hidden rounded-lg border border-dashed border-line bg-elevated ${kind === 'logo' ? 'size-28' : 'h-28 w-full'}`}>
        {shown ? (
          <img src={shown} alt={`${label} preview`} className="max-h-full max-w-full object-contain" data-testid={`${kind}-image`} />
        ) : (
          <span className="px-2 text-center text-xs text-fg-subtle">No {kind} yet</span>
        )}
      </div>
      {progress !== null && (
        <div className="h-1.5 w-full overflow-hidden rounded bg-line" role="progressbar" aria-label={`${label} upload`} aria-valuemin={0} aria-valuemax={100}
          aria-valuenow={Math.round((progress ?? 0) * 100)}>
          <div className="h-full bg-brand transition-[width]" style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
        </div>
      )}
      <p className="text-xs text-fg-subtle">{hint}</p>
      {error && <p role="alert" className="text-xs text-brand-text" data-testid={`${kind}-error`}>{error}</p>}
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <input ref={input} type="file" accept={IMAGE_RULES.types.join(',')} className="sr-only" id={`${kind}-input`} data-testid={`${kind}-input`}
            onChange={(e) => void onFile(e.target.files?.[0])} />
          <label htmlFor={`${kind}-input`} className="btn-secondary cursor-pointer text-xs">
            {upload.isPending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : <ImageUp className="size-4" aria-hidden="true" />}
            {url ? `Replace ${kind}` : `Upload ${kind}`}
          </label>
          {url && (
            <button type="button" className="btn-secondary text-xs" onClick={() => remove.mutate()} disabled={remove.isPending} data-testid={`${kind}-remove`}>
              <Trash2 className="size-4" aria-hidden="true" /> Remove
            </button>
          )}
        </div>
      )}
    </div>
  );
}
