// `node bench/compare.mjs before.json after.json`: the user-visible figures of two bench runs (bench/results.json
// files) as one Markdown table, for bench/results.md's before/after section. Prints to stdout.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './report.mjs';

const KB = 1024;

/** The figures a learner notices, from one results.json. Older runs lack some: those show as n/a. */
function figures(r) {
	const s = r.summary ?? {};
	const activation = median((r.host?.activation ?? []).map((a) => a.marks?.loadToActivatedMs)) ?? s.activationMarksMs;
	return {
		activation, helloActivation: s.helloActivationMarksMs,
		activationRatio: activation / s.helloActivationMarksMs,
		tree: s.treeMs, helloTree: s.helloTreeMs, treeRatio: s.treeMs / s.helloTreeMs,
		lessonCold: s.lessonColdMs, helloWebviewCold: s.helloWebviewColdMs, firstOpenReadMs: s.firstOpenReadMs ?? 0, lessonWarm: s.lessonWarmMs,
		answer: r.host?.progress?.progress?.medianMs,
		vsix: r.bundles?.vsixBytes,
		triggerScan: r.triggerScan?.medianMs, triggerTargetMs: r.triggerScan?.targetMs,
		commit: r.machine?.commit, date: r.date,
	};
}

const number = (value, digits) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : undefined);
const ms = (value, digits = 0) => (number(value, digits) === undefined ? 'n/a' : `${number(value, digits)} ms`);
const times = (value) => (number(value, 2) === undefined ? 'n/a' : `${number(value, 2)}×`);
const kb = (bytes) => (number(bytes, 1) === undefined ? 'n/a' : `${(bytes / KB).toFixed(1)} KB`);

/** The change from `a` to `b` as a signed percentage ('n/a' when either is missing). */
function change(a, b) {
	if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || a === 0) {
		return 'n/a';
	}
	const pct = ((b - a) / a) * 100;
	return `${pct >= 0 ? '+' : ''}${pct.toFixed(0)}%`;
}

/** The Markdown table: one row per figure, its target, before, after and the change. */
export function compare(before, after) {
	const [b, a] = [figures(before), figures(after)];
	const rows = [
		['Activation, host marks (median)', '≤ 3× hello-world', ms(b.activation), ms(a.activation), b.activation, a.activation],
		['… hello-world, same run', '–', ms(b.helloActivation), ms(a.helloActivation), b.helloActivation, a.helloActivation],
		['… ratio to hello-world', '≤ 3×', times(b.activationRatio), times(a.activationRatio), b.activationRatio, a.activationRatio],
		['Tree view: click → first row (median)', '≤ 1.5× hello-world', ms(b.tree), ms(a.tree), b.tree, a.tree],
		['… hello-world, same run', '–', ms(b.helloTree), ms(a.helloTree), b.helloTree, a.helloTree],
		['… ratio to hello-world', '≤ 1.5×', times(b.treeRatio), times(a.treeRatio), b.treeRatio, a.treeRatio],
		['Open lesson → interactive, first open', '≤ 300 ms', ms(b.lessonCold), ms(a.lessonCold), b.lessonCold, a.lessonCold],
		['… hello-world webview, same run', '–', ms(b.helloWebviewCold), ms(a.helloWebviewCold), b.helloWebviewCold, a.helloWebviewCold],
		['Open lesson → interactive, later opens', '≤ 120 ms', ms(b.lessonWarm), ms(a.lessonWarm), b.lessonWarm, a.lessonWarm],
		['Answer, stored (median of the answers in a row)', '–', ms(b.answer, 1), ms(a.answer, 1), b.answer, a.answer],
		['.vsix', '≤ 450 KB', kb(b.vsix), kb(a.vsix), b.vsix, a.vsix],
		['Trigger scan, 5,000-line file (median)', a.triggerTargetMs === undefined ? '–' : `< ${a.triggerTargetMs} ms`, ms(b.triggerScan, 2), ms(a.triggerScan, 2), b.triggerScan, a.triggerScan],
	];
	const line = (cells) => `| ${cells.join(' | ')} |`;
	return [
		`Before: commit ${b.commit ?? 'unknown'} (${b.date?.slice(0, 16).replace('T', ' ') ?? 'date unknown'} UTC); after: commit ${a.commit ?? 'unknown'} (${a.date?.slice(0, 16).replace('T', ' ') ?? 'date unknown'} UTC).`,
		'',
		line(['figure', 'target', 'before', 'after', 'change']),
		line(['---', '---', '---', '---', '---']),
		...rows.map(([figure, target, bText, aText, bValue, aValue]) => line([figure, target, bText, aText, change(bValue, aValue)])),
		...(b.firstOpenReadMs === a.firstOpenReadMs ? [] : ['', `The first open is not measured alike in the two runs: its row was on screen ${b.firstOpenReadMs} ms before the click in the run before and ${a.firstOpenReadMs} ms in the run after (a person reads a row before clicking it; the view starts loading what the first open needs once its rows show).`]),
	].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const [beforeFile, afterFile] = process.argv.slice(2);
	if (!beforeFile || !afterFile) {
		console.error('usage: node bench/compare.mjs before.json after.json');
		process.exit(2);
	}
	console.log(compare(JSON.parse(readFileSync(beforeFile, 'utf8')), JSON.parse(readFileSync(afterFile, 'utf8'))));
}
