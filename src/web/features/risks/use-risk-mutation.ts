import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/api-client';
import { risksKey } from './risk-api';

/** A write on a risk: refreshes the risk queries and the posts (their level), says "saved" or shows the problem. */
export function useRiskMutation<I>(fn: (input: I) => Promise<unknown>, done?: () => void) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: risksKey });
      await client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
      void message.success(t('common.saved'));
      done?.();
    },
    onError: (error) => {
      const detail = isApiError(error) && error.errors.length ? error.errors.map((e) => e.message).join('；') : error.message;
      void message.error(detail);
    },
  });
}
