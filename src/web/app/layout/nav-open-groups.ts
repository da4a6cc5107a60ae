import { useEffect, useState } from 'react';

/** The side menu's opened groups, remembered per browser so a user's own choice survives a reload. */
const storageKey = 'shuangkong.nav.openGroups';

/** What was stored, or null when nothing (or something unreadable) was. */
export function parseOpenGroups(raw: string | null | undefined): string[] | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((k) => typeof k === 'string') ? value : null;
  } catch {
    return null;
  }
}

/** The groups to show open: the remembered ones (none by default) and always the current page's group. */
export function withCurrentGroup(open: readonly string[], current: string | null): string[] {
  return current === null || open.includes(current) ? [...open] : [...open, current];
}

/**
 * Open groups for the menu: on first use only the current page's group; afterwards what the user
 * left open. Moving to a page of a closed group opens that group (its entry is shown selected).
 */
export function useNavOpenGroups(currentGroup: string | null): [string[], (keys: string[]) => void] {
  const [open, setOpen] = useState(() => withCurrentGroup(parseOpenGroups(globalThis.localStorage?.getItem(storageKey)) ?? [], currentGroup));
  useEffect(() => {
    setOpen((keys) => withCurrentGroup(keys, currentGroup));
  }, [currentGroup]);
  const change = (keys: string[]) => {
    setOpen(keys);
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(keys));
  };
  return [open, change];
}
