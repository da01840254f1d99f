import type { Agreement } from '../../../../shared/contract/agreements.ts';
import type { Locality } from '../../../../shared/contract/localities.ts';
import type { Ctx } from '../../app/context.ts';
import { calendarSample } from '../calendar/sample.ts';
import { commitmentsSample } from '../commitments/sample.ts';
import { visitsSample } from '../visits/sample.ts';

/** The records every later feature's sample data hangs from. */
export type SampleBase = {
  localities: Record<'lima' | 'shanghai' | 'fujian' | 'zhangzhou' | 'guangxi' | 'guilin' | 'kobe' | 'cordoba', Locality>;
  agreements: Record<'limaShanghai' | 'limaFujian' | 'limaZhangzhou' | 'limaGuilin' | 'limaKobe' | 'limaCordoba', Agreement>;
};

export type SampleExtension = (ctx: Ctx, sample: SampleBase) => Promise<void>;

// Each feature adds its sample records here, one line each, in the order they depend on each other.
export const sampleExtensions: readonly SampleExtension[] = [calendarSample, visitsSample, commitmentsSample];
