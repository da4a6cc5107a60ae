import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionNode } from '../../../reference/regions.js';
import { api } from '../../app/api/api-client';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

const toOptions = (nodes: readonly RegionNode[]): Option[] =>
  nodes.map(([value, label, children]) => ({ value, label, ...(children ? { children: toOptions(children) } : {}) }));

/** The province → city → county path of a county code, for the Cascader's value. */
function pathOf(options: Option[], code: string | undefined): string[] | undefined {
  if (!code || code.length !== 6) return undefined;
  const province = options.find((p) => p.value === code.slice(0, 2));
  const city = province?.children?.find((c) => c.value === code.slice(0, 4));
  const county = city?.children?.find((c) => c.value === code);
  return province && city && county ? [province.value, city.value, county.value] : undefined;
}

export function useRegions() {
  return useQuery({
    queryKey: ['public', 'regions'],
    queryFn: () => api<{ items: RegionNode[] }>('/api/v1/public/regions'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Picks a county from the GB/T 2260 list (issue 8 §1: no 6-digit code typed by hand); the form's
 * value is the county's code. Typing a county's name searches the whole list.
 */
export function RegionPicker({ value, onChange, id }: { value?: string; onChange?: (code: string | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const options = useMemo(() => toOptions(regions.data?.items ?? []), [regions.data]);
  return (
    <Cascader
      id={id}
      data-testid="region-picker"
      options={options}
      value={pathOf(options, value)}
      loading={regions.isLoading}
      placeholder={t('setup.regionPlaceholder')}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())), limit: 50 }}
      onChange={(path) => onChange?.(Array.isArray(path) && path.length === 3 ? String(path[2]) : undefined)}
      style={{ width: '100%' }}
    />
  );
}
