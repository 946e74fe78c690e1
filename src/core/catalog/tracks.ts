/** The order of tracks, shared by the Lessons view and the curriculum overview. Pure. */
import { compareText } from '../shared/text';

/**
 * The bundled tracks, what a new hire meets first first: onboarding, developer, lead; then `general`, where a
 * lesson without a track goes. Any other track (a team's own) follows them, by name.
 */
export const TRACK_ORDER: readonly string[] = ['onboarding', 'developer', 'lead', 'general'];

function trackRank(track: string): number {
	const i = TRACK_ORDER.indexOf(track);
	return i === -1 ? TRACK_ORDER.length : i;
}

/** Orders track names: those of {@link TRACK_ORDER} in its order, then the others by name. */
export function compareTracks(a: string, b: string): number {
	return trackRank(a) - trackRank(b) || compareText(a, b);
}
