import { Card, Empty, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LevelTag } from '../../app/ui/level-tag';
import { PageHeader } from '../../app/ui/page-header';
import { usePosts } from '../org/use-org-lookups';
import { InspectionListView } from './inspection-list-view';

/**
 * 排查清单: pick a post, see its list. Also answers /posts/:postId/inspection-list, the link the
 * post page can offer, so both addresses show the same page.
 */
export function InspectionListsPage() {
  const { postId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const posts = usePosts();
  const post = posts.list.find((p) => p.id === postId);

  return (
    <div data-testid="inspection-lists">
      <PageHeader
        title={
          <Space size={8} wrap>
            <span>{t('inspectionUi.list.title')}</span>
            {post && (
              <Link to={`/posts/${post.id}`} style={{ fontSize: 16 }}>
                {post.name}
              </Link>
            )}
            {post?.level && <LevelTag level={post.level} />}
          </Space>
        }
        hint={t('inspectionUi.list.hint')}
        extra={
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('inspectionUi.list.pickPost')}
            style={{ width: 220, maxWidth: '100%' }}
            value={postId}
            options={posts.options}
            loading={posts.isLoading}
            onChange={(id: string) => navigate(`/posts/${id}/inspection-list`)}
            data-testid="list-post-select"
          />
        }
      />
      {postId ? (
        <InspectionListView key={postId} postId={postId} />
      ) : (
        <Card size="small">
          {posts.list.length === 0 ? (
            <Empty />
          ) : (
            <Space wrap size={[8, 8]}>
              {posts.list.map((p) => (
                <Link key={p.id} to={`/posts/${p.id}/inspection-list`}>
                  <Card size="small" hoverable style={{ minWidth: 150 }}>
                    <Space size={4} wrap>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      <LevelTag level={p.level} />
                    </Space>
                  </Card>
                </Link>
              ))}
            </Space>
          )}
        </Card>
      )}
    </div>
  );
}
