/** What an exercise section shows, from the learner's stored record of it (and a check just made). Pure. */
import type { CheckReport, Exercise } from '../exercises';
import type { ExerciseProgress } from '../progress/records';
import type { ExerciseView } from '../../protocol';

/**
 * The section of `exercise` for `record` (undefined: never touched). `report`, when given, is the check just made;
 * otherwise the results are the latest stored check's (each check passed unless its id is among the failed ones).
 * Show solution is allowed after a pass, or once `solutionAfter` checks have failed (every check before a pass failed).
 */
export function exerciseView(exercise: Exercise, record: ExerciseProgress | undefined, report?: CheckReport): ExerciseView {
	const attempts = record?.attempts ?? 0;
	const passed = record?.passed ?? false;
	const failed = new Set(record?.failedChecks ?? []);
	const results = report
		? report.results.map((r) => ({ checkId: r.checkId, passed: r.passed, hint: r.hint }))
		: attempts === 0 ? [] : exercise.checks.map((c) => ({ checkId: c.id, passed: !failed.has(c.id), hint: c.hint }));
	const shown = Math.min(record?.hintsUsed ?? 0, exercise.hints.length);
	return {
		exerciseId: exercise.id,
		passed,
		attempts,
		results,
		hints: exercise.hints.slice(0, shown),
		moreHints: shown < exercise.hints.length,
		canShowSolution: passed || attempts >= exercise.solutionAfter,
	};
}
