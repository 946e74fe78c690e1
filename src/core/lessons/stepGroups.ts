/**
 * Interchangeable steps of an order quiz: adjacent steps sharing a `group` may come in any order among themselves.
 * Shared by grading, the content hash and translation parity. Pure.
 */
import type { Step } from './lesson';

/** For each step, the first and last position it may take: its own, or its group's. */
export function stepRanges(steps: readonly Step[]): { readonly first: number; readonly last: number }[] {
	const ranges: { first: number; last: number }[] = [];
	steps.forEach((step, i) => {
		const previous = ranges[i - 1];
		if (previous && step.group !== undefined && steps[i - 1]?.group === step.group) {
			previous.last = i;
			ranges.push(previous);
		} else {
			ranges.push({ first: i, last: i });
		}
	});
	return ranges;
}

/** The positions grouped steps share, as 1-based `first-last` ranges (e.g. "2-3,5-6"); '' when none are grouped. */
export function stepGroupKey(steps: readonly Step[]): string {
	const ranges = stepRanges(steps).filter((range, i, all) => range.last > range.first && all[i - 1] !== range);
	return ranges.map((range) => `${range.first + 1}-${range.last + 1}`).join(',');
}
