// What the desktop shell tells the page (the menu's screens, a spreadsheet to import), and the
// window title naming the current screen. Absent in the browser, where `window.twinning` is not set.
import { useEffect, useRef } from 'react';

let pending: File | null = null;
const listeners = new Set<(file: File) => void>();

let navigateTo: (route: string) => void = () => undefined;
let connected = false;

/** From App: the menu's routes go to the router; a file goes to the import screen, opened for it. Listens once per page. */
export function connectDesktop(navigate: (route: string) => void) {
  navigateTo = navigate;
  const bridge = window.twinning;
  if (connected || !bridge) return;
  connected = true;
  bridge.onNavigate?.((route) => navigateTo(route));
  bridge.onOpenFile?.(({ name, bytes }) => {
    const file = new File([Uint8Array.from(bytes)], name);
    if (listeners.size) listeners.forEach((listener) => listener(file));
    else pending = file;
    navigateTo('/data');
  });
}

/** The import screen takes a file the app was asked to open, also one that arrived before it was shown. */
export function useOpenedFile(onFile: (file: File) => void) {
  // The latest handler, so a file uses what the screen has chosen by then (the entity to import).
  const latest = useRef(onFile);
  latest.current = onFile;
  useEffect(() => {
    const listener = (file: File) => latest.current(file);
    if (pending) {
      listener(pending);
      pending = null;
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

/** The nav label naming a route's screen: its first segment, home for '/'. */
export function screenKey(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  const known = ['agreements', 'visits', 'tasks', 'contacts', 'commitments', 'calendar', 'localities', 'map', 'reports', 'data', 'settings'];
  return first && known.includes(first) ? `nav.${first}` : 'nav.home';
}
