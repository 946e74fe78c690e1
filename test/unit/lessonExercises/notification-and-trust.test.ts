import { parse } from 'yaml';
import { fixtureVariantTables, meaningSuite } from './exerciseHelpers';

const right = ['right-lists-and-dates', 'right-reordered-prose'];
/** Wrong in what the notice says (caught by phrase), or in what it leaves out (caught by structure, below). */
const wrongWording = ['wrong-still-all-clear', 'wrong-no-action-needed', 'wrong-keeps-sophisticated', 'wrong-blames-vendor', 'wrong-guesses-route'];
const wrongStructure = ['wrong-one-group', 'wrong-unknowns-empty', 'wrong-update-when-done', 'wrong-contact-commented'];

const table = fixtureVariantTables('notification-and-trust', 'first-notice-template', 'first-notice.yaml', { right, wrong: [...wrongWording, ...wrongStructure] });

interface Notice {
	groups?: { who: string; data_items: string[] }[];
	not_yet_known?: unknown;
	next_update_by?: unknown;
	what_to_do?: unknown;
	contact?: unknown;
}

const filled = (value: unknown): boolean =>
	(typeof value === 'string' && value.trim() !== '') || (Array.isArray(value) && value.length > 0)
	|| (typeof value === 'object' && value !== null && Object.keys(value).length > 0);

/** What the generator would render, read as data: the fields the lesson's first notice needs. */
function hasEveryPart(text: string): boolean {
	const notice = parse(text) as Notice;
	const dated = typeof notice.next_update_by === 'string' && /\{\{\w+\}\}|\d/.test(notice.next_update_by);
	return (notice.groups?.length ?? 0) >= 2 && (notice.groups ?? []).every((group) => group.data_items.length > 0)
		&& filled(notice.not_yet_known) && dated && filled(notice.what_to_do) && filled(notice.contact);
}

meaningSuite('notification-and-trust exercise: the notices read as the generator would (wording-only wrong variants keep every part)', table, hasEveryPart, { holds: ['solution', ...right, ...wrongWording], fails: ['starter', ...wrongStructure] });
