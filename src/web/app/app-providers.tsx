import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { setUnauthenticatedHandler } from './api/api-client';
import { meKey } from './auth/use-me';
import { requiredRuleMessage } from '../../i18n/validation-messages.js';
import { i18n } from './i18n/i18n';

export const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: { retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500), refetchOnWindowFocus: false },
  },
});

// Any 401 (session expired, signed out elsewhere) forgets the user; RequireAuth then shows /login.
setUnauthenticatedHandler(() => queryClient.setQueryData(meKey, null));

const theme = {
  token: { colorPrimary: '#1f4e8c', borderRadius: 6 },
  components: { Layout: { siderBg: '#001529', headerBg: '#ffffff' } },
};

// A required field a form checks itself reads like the shared schema's messages: "请填写标题。".
const formConfig = {
  'zh-CN': { validateMessages: { required: requiredRuleMessage['zh-CN'] } },
  'en-US': { validateMessages: { required: requiredRuleMessage['en-US'] } },
} as const;

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const locale = instance.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <ConfigProvider locale={locale === 'en-US' ? enUSAntd : zhCNAntd} theme={theme} form={formConfig[locale]}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalisedAntd>{children}</LocalisedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
