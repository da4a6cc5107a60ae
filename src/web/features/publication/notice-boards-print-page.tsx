import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { NoticeBoard } from '../../../schemas/publication.js';
import { api } from '../../app/api/api-client';
import { NoticeBoardContent } from './notice-board-print-page';
import { PrintFrame, PrintState, Sheet } from './print-sheet';
import { publicationKeys, useRiskMap } from './publication-api';

/**
 * /print/notice-boards[?areaIds=a,b] — the 风险公告栏 of every area that needs one (a 较大 or 重大
 * risk, seed 001 Art. 11), or a selection, in one print job: A4 landscape, a page each (issue 8 §6).
 */
export function NoticeBoardsPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const selected = params.get('areaIds')?.split(',').filter(Boolean) ?? null;
  const map = useRiskMap();
  const ids = selected ?? map.data?.areas.filter((a) => a.level === 'major' || a.level === 'significant').map((a) => a.id) ?? [];
  const boards = useQueries({
    queries: ids.map((id) => ({ queryKey: publicationKeys.board(id), queryFn: () => api<NoticeBoard>(`/api/v1/areas/${id}/notice-board`), retry: false })),
  });
  const loaded = boards.flatMap((b) => (b.data ? [b.data] : []));
  const isLoading = (!selected && map.isPending) || boards.some((b) => b.isPending);
  if (isLoading || (!selected && map.error)) return <PrintState isPending={isLoading} error={map.error} />;
  return (
    <PrintFrame orientation="landscape" testId="notice-boards-print">
      <p style={{ textAlign: 'center', color: '#595959', margin: '8px 0 0' }} className="print-toolbar" data-testid="notice-boards-count" data-count={loaded.length}>
        {t('publication.batch.boards', { count: loaded.length })}
      </p>
      {loaded.map((board) => (
        <Sheet key={board.area.id} orientation="landscape" testId="notice-board-sheet">
          <NoticeBoardContent board={board} />
        </Sheet>
      ))}
    </PrintFrame>
  );
}
