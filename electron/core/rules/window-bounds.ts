// Where the window opens: where it was last time on that display, unless that display is
// gone or has shrunk (a laptop undocked from its second screen), in which case it is moved
// and sized to fit the display it would now land on. Plain functions; the shell passes
// Electron's screen.getAllDisplays() and saves what `rememberWindow` returns.

export type Rect = { x: number; y: number; width: number; height: number };
export type Display = { id: number; workArea: Rect };
export type WindowPlacement = { bounds: Rect; maximized: boolean };
/** Saved per display, keyed by the display's layout (id and size), so a docked and an undocked laptop each keep their own. */
export type WindowMemory = { last: string | null; byDisplay: Record<string, WindowPlacement> };

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 900, height: 600 };
/** At least this much of the title bar must be on a display to be grabbed and moved back. */
const GRIP = 64;

export const displayKey = (d: Display) => `${d.id}:${d.workArea.width}x${d.workArea.height}`;

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The display showing most of a rectangle (Electron's own rule for which display a window is on). */
export function displayFor(bounds: Rect, displays: Display[]): Display | null {
  let best: Display | null = null;
  let area = 0;
  for (const d of displays) {
    const a = overlap(bounds, d.workArea);
    if (a > area) [best, area] = [d, a];
  }
  return best;
}

/** A rectangle no larger than the work area and moved inside it, keeping its size where it fits. */
export function fitInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, Math.min(MIN_SIZE.width, area.width)), area.width);
  const height = Math.min(Math.max(bounds.height, Math.min(MIN_SIZE.height, area.height)), area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

/** Centred on a display, at the default size or what fits. */
function centred(display: Display): Rect {
  const { workArea: a } = display;
  const width = Math.min(DEFAULT_SIZE.width, a.width);
  const height = Math.min(DEFAULT_SIZE.height, a.height);
  return { x: Math.round(a.x + (a.width - width) / 2), y: Math.round(a.y + (a.height - height) / 2), width, height };
}

/**
 * The placement for a new window: the one saved for the display it was last on if that display is still there,
 * else the one saved for any display still there, else centred on the primary display (the first given).
 */
export function chooseWindowPlacement(memory: WindowMemory | null, displays: Display[]): WindowPlacement {
  const primary = displays[0];
  if (!primary) return { bounds: { x: 0, y: 0, ...DEFAULT_SIZE }, maximized: false };
  const present = new Map(displays.map((d) => [displayKey(d), d]));
  const candidates = memory ? [memory.last, ...Object.keys(memory.byDisplay)].filter((k): k is string => !!k && present.has(k)) : [];
  for (const key of candidates) {
    const saved = memory?.byDisplay[key];
    const display = present.get(key);
    if (!saved || !display || !validRect(saved.bounds)) continue;
    // Saved on this display but now mostly off it (its arrangement changed): bring it back whole.
    const onIt = overlap(saved.bounds, display.workArea) >= GRIP * Math.min(saved.bounds.height, GRIP);
    return {
      bounds: onIt ? fitInto(saved.bounds, display.workArea) : fitInto({ ...saved.bounds, x: display.workArea.x, y: display.workArea.y }, display.workArea),
      maximized: saved.maximized,
    };
  }
  return { bounds: centred(primary), maximized: false };
}

/** What to save when the window moves, resizes, (un)maximises or closes; `normal` is its un-maximised bounds. */
export function rememberWindow(memory: WindowMemory | null, normal: Rect, maximized: boolean, displays: Display[]): WindowMemory {
  const display = displayFor(normal, displays);
  const next: WindowMemory = { last: memory?.last ?? null, byDisplay: { ...(memory?.byDisplay ?? {}) } };
  if (!display || !validRect(normal)) return next;
  const key = displayKey(display);
  next.byDisplay[key] = { bounds: normal, maximized };
  next.last = key;
  return next;
}

function validRect(r: unknown): r is Rect {
  if (!r || typeof r !== 'object') return false;
  const { x, y, width, height } = r as Record<string, unknown>;
  return [x, y, width, height].every((v) => typeof v === 'number' && Number.isFinite(v)) && (width as number) > 0 && (height as number) > 0;
}
