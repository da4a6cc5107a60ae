import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../i18n/locale.js';
import type { Me } from '../../../schemas/auth.js';
import { api } from '../api/api-client';
import { meKey } from '../auth/use-me';
import { applyLocale, currentLocale } from '../i18n/i18n';

const labels: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

/** Switches the UI at once and, when signed in, remembers the choice on the account. */
export function LanguageSwitch({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();

  async function choose(next: Locale) {
    await applyLocale(next);
    const me = client.getQueryData<Me | null>(meKey);
    if (me) {
      const updated = await api<Me>('/api/v1/auth/me', { method: 'PATCH', body: { locale: next } }).catch(() => null);
      if (updated) client.setQueryData(meKey, updated);
    }
    // Server-made text (error details, names of things) follows the new language.
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (Object.keys(labels) as Locale[]).map((key) => ({ key, label: labels[key] })),
        onClick: ({ key }) => void choose(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')} data-testid="language-switch">
        {isCompact ? null : labels[locale]}
      </Button>
    </Dropdown>
  );
}
