// The generator now lives in `../numeric/random`, shared with the verifier; this alias remains only
// because `bench/experiment.bench.ts` (not owned by the core) still imports it from here.
export { Rng } from '../numeric/random';
