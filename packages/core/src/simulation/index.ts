export type { Estimate } from './confidence.ts';
export { replicationSeed } from './random.ts';
export type { ClassKpis, HotlineReport, HourProfile } from './report.ts';
export type { Distribution, HotlineScenario, HotlineScenarioInput } from './scenario.ts';
export { hotlineScenarioSchema } from './scenario.ts';
export type { SimulateOptions, SimulationProgress } from './simulate.ts';
export { simulateHotline } from './simulate.ts';
export type { HotlineWork } from './size.ts';
export { estimateHotlineWork, HOTLINE_LIMITS } from './size.ts';
