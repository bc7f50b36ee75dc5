import { useState } from 'react';
import { downloadCsv } from '@/lib/csv';
import { getPrograms, type ProgramListParams } from '@/services/partner/programs';
import { toast } from '@/store/toastStore';
import type { ProgramResponse } from '@/types/partner';
import { programsToCsv } from './programs-csv';

/** Downloads every program matching the filters (all pages) as CSV, with a toast for the outcome. */
export function useProgramsExport() {
  const [exporting, setExporting] = useState(false);

  const exportCsv = async ({ status, search }: Pick<ProgramListParams, 'status' | 'search'>) => {
    setExporting(true);
    try {
      const all: ProgramResponse[] = [];
      for (let p = 1; ; p++) {
        const answer = await getPrograms({ status, search, page: p, pageSize: 100 });
        all.push(...answer.items);
        if (all.length >= answer.total || answer.items.length === 0) break;
      }
      downloadCsv(`elimu-programs-${new Date().toISOString().slice(0, 10)}.csv`, programsToCsv(all));
      toast.success(`Exported ${all.length} program${all.length === 1 ? '' : 's'}.`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : 'The export failed.');
    } finally {
      setExporting(false);
    }
  };

  return { exporting, exportCsv };
}
