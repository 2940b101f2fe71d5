/**
 * Bench sections of other parts of plenary (opinion groups, the room's screen, …). To add one: write
 * `bench/<part>.ts` exporting a BenchSection and add it to SECTIONS below — one import, one entry. Its
 * figures (ids must start with `section.<part>.`) land in BENCHMARKS.md under "Other parts", its targets in
 * the Targets table, measured in the same run as everything else.
 */
import type { Figure } from './measure.ts';
import type { TargetSpec } from './report.ts';

export interface SectionContext {
  quick: boolean;
  repetitions: number;
  /** A scratch directory for this run, removed afterwards. */
  dir: string;
  /** The synthetic day's SQLite file (60 sessions × 15 proposals × 500 participants; 10 sessions in --quick). */
  dayStore: string;
  /** The day's date, YYYY-MM-DD. */
  date: string;
}

export interface BenchSection {
  name: string;
  run(ctx: SectionContext): Promise<Figure[]>;
  targets?: TargetSpec[];
}

export const SECTIONS: BenchSection[] = [];
