import type { PartnerStory } from '../../../../shared/contract/partners.ts';

/**
 * MAP PIN SLOT. The partner's place on the offline world map belongs to the helper building the map
 * (issue 16: world map, gazetteer, coordinates on localities). Until its component lands on main this
 * draws nothing; when it does, render its pin here for `locality` (its coordinates come with the locality).
 */
export function PartnerMapSlot(_props: { locality: PartnerStory['locality'] }) {
  return null;
}
