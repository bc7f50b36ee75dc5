import { Download, ExternalLink, FileText } from 'lucide-react';
import type { ResourceView } from '@/types/partner';

export const FORMAT_LABELS: Record<string, string> = {
  pdf: 'PDF', docx: 'Word', pptx: 'PowerPoint', xlsx: 'Excel', mp4: 'Video', mp3: 'Audio', png: 'Image', jpg: 'Image',
};

export const sizeOf = (bytes?: number | null) =>
  bytes == null ? '' : bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface ResourcePreviewProps {
  resource: Pick<ResourceView, 'id' | 'title' | 'format' | 'originalFileName'>;
  /** The file's URL: inline for the players and the new tab, as a download otherwise. */
  urlOf: (id: string, inline: boolean) => string;
}

/**
 * What the file is, shown where the browser can: images inline, audio and video in their players, a PDF in a new tab
 * (the API's pages may not be framed), anything else as a download. Opening a preview does not count as a download.
 */
export function ResourcePreview({ resource, urlOf }: ResourcePreviewProps) {
  const inline = urlOf(resource.id, true);
  const download = (
    <a href={urlOf(resource.id, false)} className="btn-secondary" data-testid="resource-download" download>
      <Download className="size-4" aria-hidden="true" /> Download
    </a>
  );
  switch (resource.format) {
    case 'png':
    case 'jpg':
      return (
        <div className="flex flex-col gap-2">
          <img src={inline} alt={resource.title} className="max-h-80 w-full rounded-lg bg-elevated object-contain" data-testid="preview-image" />
          <div>{download}</div>
        </div>
      );
    case 'mp4':
      return (
        <div className="flex flex-col gap-2">
          <video src={inline} controls preload="metadata" className="max-h-80 w-full rounded-lg bg-black" data-testid="preview-video" />
          <div>{download}</div>
        </div>
      );
    case 'mp3':
      return (
        <div className="flex flex-col gap-2">
          <audio src={inline} controls preload="metadata" className="w-full" data-testid="preview-audio" />
          <div>{download}</div>
        </div>
      );
    case 'pdf':
      return (
        <div className="flex flex-wrap gap-2">
          <a href={inline} target="_blank" rel="noopener noreferrer" className="btn-secondary" data-testid="preview-pdf">
            <ExternalLink className="size-4" aria-hidden="true" /> Open the PDF
          </a>
          {download}
        </div>
      );
    case null:
    case undefined:
      return <p className="text-sm text-fg-muted">No file is stored for this resource.</p>;
    default:
      return (
        <div className="flex flex-wrap items-center gap-2">
          <span className="flex items-center gap-1.5 text-sm text-fg-muted">
            <FileText className="size-4" aria-hidden="true" /> {FORMAT_LABELS[resource.format] ?? resource.format} files open after download.
          </span>
          {download}
        </div>
      );
  }
}
