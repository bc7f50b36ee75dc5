import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { FileUp, UploadCloud, X } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { cn } from '@/lib/cn';
import { RESOURCE_RULES, resourceFileProblem, useUploadResource } from '@/services/partner/resources';
import type { ResourceType, ResourceView } from '@/types/partner';
import { sizeOf } from './ResourcePreview';

export const RESOURCE_TYPES: { value: ResourceType; label: string }[] = [
  { value: 'lesson', label: 'Lesson' },
  { value: 'material', label: 'Learning material' },
  { value: 'video', label: 'Video' },
  { value: 'document', label: 'Document' },
];

export interface ResourceUploadFormProps {
  programs: { id: string; name: string }[];
  onUploaded: (resource: ResourceView) => void;
}

type Errors = Partial<Record<'file' | 'title' | 'description' | 'resourceType' | 'targetPrograms' | 'brandingApplied' | 'form', string>>;

/** Drop or choose a file, describe it, pick its programs, and send it for review with a progress bar. */
export function ResourceUploadForm({ programs, onUploaded }: ResourceUploadFormProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [resourceType, setResourceType] = useState<ResourceType | ''>('');
  const [targets, setTargets] = useState<string[]>([]);
  const [branding, setBranding] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(0);
  const [errors, setErrors] = useState<Errors>({});
  const upload = useUploadResource(setProgress);

  const take = async (f: File | undefined) => {
    if (!f) return;
    const problem = await resourceFileProblem(f);
    setErrors(problem ? { file: problem } : {});
    setFile(problem ? null : f);
    if (!problem && !title) setTitle(f.name.replace(/\.[^.]+$/, ''));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files?.[0]);
  };
  const reset = () => {
    setFile(null);
    setTitle('');
    setDescription('');
    setResourceType('');
    setTargets([]);
    setBranding(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setErrors({ file: `Choose a file to upload: ${RESOURCE_RULES.allowed}.` });
    if (!title.trim()) return setErrors({ title: 'Give the resource a title.' });
    setErrors({});
    setProgress(0);
    try {
      const created = await upload.mutateAsync({ file, fields: { title: title.trim(), description, resourceType, targetPrograms: targets, brandingApplied: branding } });
      reset();
      onUploaded(created);
    } catch (err) {
      if (!isApiError(err)) throw err;
      const fieldOf = (name: keyof Errors) => err.fieldErrors(name)[0];
      const next: Errors = {};
      for (const name of ['file', 'title', 'description', 'resourceType', 'targetPrograms', 'brandingApplied'] as const) {
        const message = fieldOf(name);
        if (message) next[name] = message;
      }
      if (Object.keys(next).length === 0) next.form = err.detail ?? err.message;
      setErrors(next);
    }
  };

  const uploading = upload.isPending;
  const percent = typeof progress === 'number' ? Math.round(progress * 100) : undefined;

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" noValidate data-testid="resource-upload-form">
      <label
        htmlFor={`${id}-file`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="resource-dropzone"
        data-dragging={dragging}
        className={cn(
          'flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-4 py-6 text-center transition-colors',
          dragging ? 'border-brand bg-brand-soft' : 'border-line-strong bg-card hover:border-fg-subtle',
          uploading && 'pointer-events-none opacity-70',
        )}
      >
        <span className="grid size-11 place-items-center rounded-full bg-elevated text-fg-muted ring-1 ring-line" aria-hidden="true">
          <UploadCloud className="size-5" />
        </span>
        <span className="text-sm font-medium text-fg">
          Drop a file here, or <span className="text-brand-text underline">choose one</span>
        </span>
        <span className="text-xs text-fg-subtle">{RESOURCE_RULES.allowed}; up to 50 MB.</span>
        <input
          id={`${id}-file`}
          type="file"
          accept={RESOURCE_RULES.accept}
          className="sr-only"
          onChange={(e) => {
            void take(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="resource-file-input"
        />
      </label>

      {file && (
        <div className="flex items-center gap-3 rounded-lg border border-line bg-card px-3 py-2" data-testid="resource-chosen-file">
          <FileUp className="size-5 shrink-0 text-ok" aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm text-fg">{file.name}</p>
            <p className="text-xs text-fg-subtle">{sizeOf(file.size)}</p>
            {uploading && (
              <div className="mt-1.5 flex items-center gap-2">
                <div
                  className="h-1.5 flex-1 overflow-hidden rounded-full bg-elevated"
                  role="progressbar"
                  aria-label="Uploading the file"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  data-testid="resource-upload-progress"
                >
                  {percent !== undefined ? (
                    <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
                  ) : (
                    <div className="h-full w-1/3 animate-pulse rounded-full bg-brand" />
                  )}
                </div>
                {percent !== undefined && <span className="w-9 text-right text-xs tabular-nums text-fg-muted">{percent}%</span>}
              </div>
            )}
          </div>
          {!uploading && (
            <button type="button" className="btn-ghost p-1.5" onClick={() => setFile(null)} aria-label="Remove the file">
              <X className="size-4" aria-hidden="true" />
            </button>
          )}
        </div>
      )}
      {errors.file && (
        <p role="alert" className="text-sm text-brand-text" data-testid="resource-file-error">
          {errors.file}
        </p>
      )}

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className="text-xs font-medium text-fg-muted">Title</label>
        <input id={`${id}-title`} className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)}
          aria-invalid={errors.title ? true : undefined} data-testid="resource-title" />
        {errors.title && <p role="alert" className="text-xs text-brand-text">{errors.title}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-description`} className="text-xs font-medium text-fg-muted">Description <span className="font-normal">(optional)</span></label>
        <textarea id={`${id}-description`} className="input min-h-16" value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} />
        {errors.description && <p role="alert" className="text-xs text-brand-text">{errors.description}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-type`} className="text-xs font-medium text-fg-muted">Type</label>
        <select id={`${id}-type`} className="input" value={resourceType} onChange={(e) => setResourceType(e.target.value as ResourceType | '')}>
          <option value="">From the file</option>
          {RESOURCE_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </select>
      </div>
      {programs.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-fg-muted">For programs <span className="font-normal">(optional)</span></legend>
          <div className="flex max-h-32 flex-col gap-1 overflow-y-auto">
            {programs.map((p) => (
              <label key={p.id} className="flex items-center gap-2 text-sm text-fg">
                <input type="checkbox" checked={targets.includes(p.id)}
                  onChange={(e) => setTargets((t) => (e.target.checked ? [...t, p.id] : t.filter((x) => x !== p.id)))} />
                <span className="truncate">{p.name}</span>
              </label>
            ))}
          </div>
          {errors.targetPrograms && <p role="alert" className="text-xs text-brand-text">{errors.targetPrograms}</p>}
        </fieldset>
      )}
      <label className="flex items-start gap-2 text-sm text-fg">
        <input type="checkbox" className="mt-0.5" checked={branding} onChange={(e) => setBranding(e.target.checked)} data-testid="resource-branding" />
        <span>
          Stamp our logo on every page <span className="text-xs text-fg-subtle">(PDF only; the logo from your profile)</span>
        </span>
      </label>
      {errors.brandingApplied && <p role="alert" className="text-xs text-brand-text" data-testid="resource-branding-error">{errors.brandingApplied}</p>}
      {errors.form && <p role="alert" className="text-sm text-brand-text">{errors.form}</p>}
      <button type="submit" className="btn-primary self-start" disabled={uploading} data-testid="resource-upload-submit">
        <UploadCloud className="size-4" aria-hidden="true" /> {uploading ? 'Uploading…' : 'Upload for review'}
      </button>
    </form>
  );
}
