import type { AgreementStage } from '../contract/agreements.ts';

// How a stage looks on the map, on screen and in the report: a colour from the
// Okabe–Ito palette (told apart with colour blindness) and a shape, so the
// stage never rests on colour alone — in force a circle, on the way a diamond,
// asleep or over a square.

export type PinShape = 'circle' | 'diamond' | 'square';

export const STAGE_STYLE: Record<AgreementStage, { color: string; shape: PinShape }> = {
  active: { color: '#009E73', shape: 'circle' },
  signed: { color: '#0072B2', shape: 'circle' },
  letter_of_intent: { color: '#D55E00', shape: 'diamond' },
  under_discussion: { color: '#CC79A7', shape: 'diamond' },
  dormant: { color: '#8A6D00', shape: 'square' },
  ended: { color: '#6B6B6B', shape: 'square' },
};

/** The legend's order: the way an agreement goes. */
export const LEGEND_ORDER: readonly AgreementStage[] = ['under_discussion', 'letter_of_intent', 'signed', 'active', 'dormant', 'ended'];

export const OFFICE_COLOR = '#C0392B';

/** A partner with several agreements shows its furthest-along one: signed beats an old letter of intent. */
const LEAD: readonly AgreementStage[] = ['active', 'signed', 'dormant', 'letter_of_intent', 'under_discussion', 'ended'];
export const leadingStage = (a: AgreementStage, b: AgreementStage): AgreementStage => (LEAD.indexOf(a) <= LEAD.indexOf(b) ? a : b);

/** A pin's outline centred on (0, 0), `r` its half-size. */
export function pinPath(shape: PinShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'diamond': {
      const d = r * 1.25;
      return `M0,${-d}L${d},0L0,${d}L${-d},0Z`;
    }
    case 'square':
      return `M${-r},${-r}h${2 * r}v${2 * r}h${-2 * r}Z`;
  }
}

/** The office's own city: a star, unlike any stage. */
export function starPath(r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 ? r * 0.45 : r;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(Math.cos(angle) * radius).toFixed(2)},${(Math.sin(angle) * radius).toFixed(2)}`);
  }
  return `M${points.join('L')}Z`;
}
