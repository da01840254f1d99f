import { calendarSample } from '../calendar/sample.ts';
import { commitmentsSample } from '../commitments/sample.ts';
import { visitsSample } from '../visits/sample.ts';
import type { SampleExtension } from './public.ts';

// Each feature adds its sample records here, one line each, in the order they depend on each other.
export const sampleExtensions: readonly SampleExtension[] = [calendarSample, visitsSample, commitmentsSample];
