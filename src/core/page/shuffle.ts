/**
 * Seeded shuffles for what a quiz shows: the same seed gives the same order on every render and in the page script
 * (which imports this module), so a reload keeps the order and grading never depends on it. Pure; not for security.
 */
import { fnv1a } from '../shared/hash';

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, full period 2^32, uniform enough to shuffle a few
 * items. Returns a generator of floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
	};
}

/** A Fisher–Yates shuffle of 0..count-1 drawn from `random`. */
export function shuffledIndices(count: number, random: () => number): number[] {
	const order = Array.from({ length: count }, (_, i) => i);
	for (let i = count - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j] as number, order[i] as number];
	}
	return order;
}

/**
 * The seed of one quiz for one learner: `learner` is a random id kept with the learner's progress ('' when there is
 * none, e.g. the CLI), so two learners see different orders and one learner always the same.
 */
export function quizSeed(learner: string, lessonId: string, quizId: string): number {
	return fnv1a(`${learner}\u0000${lessonId}\u0000${quizId}`);
}

/** The order in which attempt `attempt` (0 for the first) of a quiz with seed `seed` shows its `count` items. */
export function displayOrder(seed: number, attempt: number, count: number): number[] {
	return shuffledIndices(count, mulberry32(fnv1a(String(attempt), seed)));
}
