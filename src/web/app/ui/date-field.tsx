import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export const dayFormat = 'YYYY-MM-DD';
const instantFormat = 'YYYY-MM-DD HH:mm';

/** The picker's value of an ISO date ('YYYY-MM-DD') or instant; null for none or for text that is not one. */
export function toPickerValue(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

/**
 * The picked day as 'YYYY-MM-DD', or with a time as an ISO instant of the browser's clock (to the
 * minute); undefined when cleared, as a field never filled in (what an optional schema field takes).
 */
export function fromPickerValue(d: Dayjs | null | undefined, withTime = false): string | undefined {
  if (!d) return undefined;
  return withTime ? d.second(0).millisecond(0).toISOString() : d.format(dayFormat);
}

type DateFieldProps = Omit<DatePickerProps<Dayjs, false>, 'value' | 'defaultValue' | 'onChange' | 'onOk' | 'showTime' | 'picker' | 'multiple' | 'minDate' | 'maxDate' | 'format'> & {
  /** 'YYYY-MM-DD', or an ISO instant with `withTime`. */
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** A day and a time (minutes), sent as an ISO instant, instead of a day. */
  withTime?: boolean;
  /** Earliest and latest days that can be picked ('YYYY-MM-DD'). */
  min?: string;
  max?: string;
};

/**
 * A date (or date and time) field whose value is the ISO text the schemas take, in the app's
 * language (antd's ConfigProvider locale and dayjs's), the same on every browser and phone —
 * unlike the native date input, which follows the browser's language. Works in a Form.Item as is.
 */
export function DateField({ value, onChange, withTime = false, min, max, style, ...rest }: DateFieldProps) {
  // Re-rendered on a language change, so the value's weekday and month names follow it.
  const { i18n } = useTranslation();
  const picked = toPickerValue(value)?.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn') ?? null;
  const minDay = toPickerValue(min);
  const maxDay = toPickerValue(max);
  return (
    <DatePicker
      {...rest}
      value={picked}
      onChange={(d) => onChange?.(fromPickerValue(d, withTime))}
      {...(withTime ? { showTime: { format: 'HH:mm' } } : {})}
      format={withTime ? instantFormat : dayFormat}
      minDate={minDay ?? undefined}
      maxDate={maxDay ? maxDay.endOf('day') : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
