import type { Handlers } from '../../app/handlers.ts';
import { suggestPlaces } from './gazetteer.ts';
import { mapPartners } from './partners.ts';

export const placeHandlers: Handlers<'places.suggest' | 'places.partners'> = {
  'places.suggest': (input) => suggestPlaces(input),
  'places.partners': (_input, ctx) => mapPartners(ctx.db),
};
