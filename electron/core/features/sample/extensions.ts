import { calendarSample } from '../calendar/public.ts';
import { commitmentsSample } from '../commitments/public.ts';
import { visitsSample } from '../visits/public.ts';
import type { SampleExtension } from './public.ts';

// Each feature adds its sample records here, one line each, in the order they depend on each other.
export const sampleExtensions: readonly SampleExtension[] = [calendarSample, visitsSample, commitmentsSample];
