// Property tests run with a fixed seed so a CI run is repeatable: a counterexample found once is found
// again, and CI never goes red by chance. FC_SEED=<n> replays another seed; FC_SEED=random explores
// (and prints the seed of any failure, to be added as a regression case).
import fc from 'fast-check';

const wanted = process.env.FC_SEED;
if (wanted !== 'random') fc.configureGlobal({ seed: wanted ? Number(wanted) : 20261124 });
