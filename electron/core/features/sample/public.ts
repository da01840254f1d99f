// What other features use of the sample data: the shape of the records their own samples hang from, and
// whether the sample is loaded.
// Kept apart from extensions.ts, which imports each feature's sample: the types here import no feature,
// so a feature's sample.ts and the list of extensions no longer import each other.
import type { Agreement } from '../../../../shared/contract/agreements.ts';
import type { Locality } from '../../../../shared/contract/localities.ts';
import type { Ctx } from '../../app/context.ts';

export { sampleLoaded } from './rows.ts';

/** The records every later feature's sample data hangs from. */
export type SampleBase = {
  localities: Record<'lima' | 'shanghai' | 'fujian' | 'zhangzhou' | 'guangxi' | 'guilin' | 'kobe' | 'cordoba', Locality>;
  agreements: Record<'limaShanghai' | 'limaFujian' | 'limaZhangzhou' | 'limaGuilin' | 'limaKobe' | 'limaCordoba', Agreement>;
};

export type SampleExtension = (ctx: Ctx, sample: SampleBase) => Promise<void>;
