import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The footer of a keyset-paged list (usePagedList): "load more" while the server has a next page, and how many rows are shown. */
export function LoadMore({ list, testId = 'load-more' }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown; items: unknown[] }; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', margin: '12px 0' }}>
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      )}
      {list.items.length > 0 && <Typography.Paragraph type="secondary">{t('common.loadedCount', { count: list.items.length })}</Typography.Paragraph>}
    </div>
  );
}
