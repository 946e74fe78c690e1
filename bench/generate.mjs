// Synthetic lessons for the benchmark: valid lesson files of realistic size (5-15 KB) and shape, like the
// bundled ones: front matter with tags, ATT&CK ids, sources and (for half of them) an incident with a timeline
// and a breakdown; a body with sections, lists, tables, code and links; 3-5 quizzes of all three types.
// Deterministic: the same seed gives the same files, so runs and machines compare.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a small, fast, seedable PRNG. */
export function createRandom(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	return { next, int, pick };
}

const NOUNS = ['attacker', 'employee', 'backup', 'database', 'credential', 'password', 'token', 'server', 'laptop',
	'firewall', 'log', 'alert', 'customer record', 'supplier', 'vendor', 'account', 'session', 'certificate', 'key',
	'API', 'endpoint', 'VPN gateway', 'mail filter', 'audit trail', 'access list', 'file share', 'USB drive',
	'contract', 'policy', 'incident team', 'help desk', 'developer', 'pipeline', 'repository', 'secret', 'role',
	'permission', 'network segment', 'query', 'export', 'report', 'dashboard', 'ticket', 'regulator', 'notice'];
const VERBS = ['copied', 'exported', 'reviewed', 'logged', 'rotated', 'disabled', 'reached', 'encrypted', 'scanned',
	'reported', 'ignored', 'approved', 'deleted', 'restored', 'shared', 'uploaded', 'flagged', 'monitored', 'blocked',
	'granted', 'revoked', 'tested', 'missed', 'detected', 'published', 'archived', 'queried', 'patched'];
const ADJECTIVES = ['stale', 'shared', 'privileged', 'forgotten', 'external', 'internal', 'unpatched', 'weak',
	'reused', 'temporary', 'public', 'sensitive', 'quarterly', 'nightly', 'manual', 'automated', 'separate', 'old'];
const ADVERBS = ['quietly', 'quickly', 'twice', 'later', 'again', 'every night', 'for weeks', 'before the audit',
	'without a ticket', 'after hours', 'by mistake', 'on purpose', 'in bulk'];
const TRACKS = ['onboarding', 'developer', 'lead', 'general', 'cloud-operations', 'data-protection'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const TAGS = ['phishing', 'ransomware', 'insider', 'data-breach', 'backups', 'least-privilege', 'logging',
	'detection', 'supply-chain', 'credentials', 'segmentation', 'encryption', 'usb', 'cloud', 'mfa', 'privacy'];
const LANGS = ['yaml', 'sql', 'ts', 'sh'];

function capitalize(text) {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(r, { markup = true } = {}) {
	const parts = [`the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`, r.pick(VERBS), `the ${r.pick(NOUNS)}`];
	if (r.next() < 0.5) {
		parts.push(r.pick(ADVERBS));
	}
	if (r.next() < 0.4) {
		parts.push(`because the ${r.pick(NOUNS)} was ${r.pick(ADJECTIVES)}`);
	}
	let text = parts.join(' ');
	if (markup) {
		const roll = r.next();
		if (roll < 0.12) {
			text = text.replace(/the (\w+) (\w+)/, 'the **$1 $2**');
		} else if (roll < 0.2) {
			text = text.replace(/the (\w+)$/, 'the *$1*');
		} else if (roll < 0.26) {
			text += ` (see \`${r.pick(NOUNS).replace(/\s+/g, '_')}.${r.pick(['log', 'yaml', 'sql'])}\`)`;
		} else if (roll < 0.3) {
			text += `, as the [${r.pick(NOUNS)} guidance](https://example.org/${r.pick(TAGS)}/${r.int(1, 999)}) explains`;
		}
	}
	return `${capitalize(text)}.`;
}

function paragraph(r) {
	const lines = [];
	let line = '';
	for (let i = r.int(3, 6); i > 0; i--) {
		const next = sentence(r);
		if (line.length + next.length > 110) {
			lines.push(line);
			line = next;
		} else {
			line = line ? `${line} ${next}` : next;
		}
	}
	lines.push(line);
	return lines.join('\n');
}

function list(r, ordered) {
	return Array.from({ length: r.int(3, 6) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence(r)}`).join('\n');
}

function table(r) {
	const rows = [`| ${r.pick(NOUNS)} | what it does | does it help? |`, '| --- | --- | --- |'];
	for (let i = r.int(2, 4); i > 0; i--) {
		rows.push(`| ${capitalize(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} | ${sentence(r, { markup: false })} | ${r.pick(['Yes', 'No', 'Partly', '**No.** Not on its own'])} |`);
	}
	return rows.join('\n');
}

function codeBlock(r) {
	const lang = r.pick(LANGS);
	const lines = [];
	for (let i = r.int(4, 12); i > 0; i--) {
		const name = r.pick(NOUNS).replace(/\s+/g, '_');
		switch (lang) {
			case 'yaml': lines.push(`${name}:\n  ${r.pick(VERBS)}: ${r.pick(ADJECTIVES)}   # ${r.pick(ADVERBS)}`); break;
			case 'sql': lines.push(`GRANT SELECT ON ${name} TO ${r.pick(ADJECTIVES)}_reader;  -- ${r.pick(ADVERBS)}`); break;
			case 'ts': lines.push(`if (${name}.${r.pick(VERBS)} && !${name}.${r.pick(ADJECTIVES)}) { audit.log('${name}'); }`); break;
			default: lines.push(`${r.pick(['grep', 'find', 'aws', 'psql'])} --${r.pick(VERBS)} ${name}  # ${r.pick(ADVERBS)}`);
		}
	}
	return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

function yamlText(text) {
	return JSON.stringify(text); // a JSON string is a valid YAML double-quoted scalar
}

function quiz(r, id, type) {
	const lines = [`\`\`\`quiz`, `id: ${id}`, `type: ${type}`, `prompt: ${yamlText(`${sentence(r, { markup: false }).slice(0, -1)}. What do you do first?`)}`];
	const count = r.int(3, 5);
	const answer = [];
	if (type === 'order') {
		lines.push('steps:');
		for (let i = 0; i < count; i++) {
			lines.push(`  - text: ${yamlText(`Step ${i + 1}: ${sentence(r, { markup: false })}`)}`, `    explain: ${yamlText(sentence(r, { markup: false }))}`);
			answer.push(i);
		}
	} else {
		const correct = type === 'single' ? [r.int(0, count - 1)] : Array.from({ length: count }, (_, i) => i).filter((i) => i === 0 || r.next() < 0.4);
		lines.push('choices:');
		for (let i = 0; i < count; i++) {
			lines.push(`  - text: ${yamlText(`${sentence(r, { markup: false })} (${i + 1})`)}`, `    correct: ${correct.includes(i)}`,
				`    explain: ${yamlText(`${sentence(r, { markup: false })} ${sentence(r, { markup: false })}`)}`);
		}
		answer.push(...correct);
	}
	lines.push(`explain: ${yamlText(`${sentence(r, { markup: false })} ${sentence(r, { markup: false })}`)}`, '```');
	return { text: lines.join('\n'), answer };
}

function isoDate(year, month, day) {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two or three sentences, within the schema's 300 characters. */
function summary(r) {
	let text = sentence(r, { markup: false });
	for (let i = 0; i < 2; i++) {
		const next = `${text} ${sentence(r, { markup: false })}`;
		text = next.length <= 300 ? next : text;
	}
	return text;
}

function frontMatter(r, id, index, withIncident) {
	const lines = ['---', `id: ${id}`, `title: ${yamlText(`${capitalize(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}s: ${sentence(r, { markup: false }).slice(0, -1).toLowerCase()}`.slice(0, 110))}`,
		`summary: ${summary(r)}`,
		`track: ${r.pick(TRACKS)}`, `order: ${(index % 97) * 10}`, `minutes: ${r.int(4, 15)}`, `level: ${r.pick(LEVELS)}`,
		`tags: [${[...new Set(Array.from({ length: r.int(3, 6) }, () => r.pick(TAGS)))].join(', ')}]`,
		`attack: [${Array.from({ length: r.int(2, 6) }, () => `T${r.int(1001, 1599)}${r.next() < 0.4 ? `.${String(r.int(1, 9)).padStart(3, '0')}` : ''}`).join(', ')}]`];
	if (withIncident) {
		const year = r.int(2015, 2024);
		lines.push('incident:', `  organization: ${yamlText(`${capitalize(r.pick(ADJECTIVES))} ${capitalize(r.pick(NOUNS))} Co. (case ${index})`)}`,
			`  date: ${isoDate(year + 1, r.int(1, 12), r.int(1, 28))}`, `  records: ${r.int(1000, 2_000_000)}`, '  timeline:');
		let month = 1;
		for (let i = r.int(3, 5); i > 0; i--) {
			month += r.int(0, 2);
			lines.push(`    - date: ${isoDate(year, Math.min(month, 12), r.int(1, 28)).slice(0, r.next() < 0.2 ? 7 : 10)}`, `      label: ${yamlText(sentence(r, { markup: false }))}`);
		}
		// Timeline dates must be in order: re-sort what was written (months only ever grow; days may not).
		const events = [];
		for (let i = lines.indexOf('  timeline:') + 1; i < lines.length; i += 2) {
			events.push([lines[i], lines[i + 1]]);
		}
		events.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		lines.splice(lines.indexOf('  timeline:') + 1, events.length * 2, ...events.flat());
		lines.push('  breakdown:');
		for (let i = r.int(2, 4); i > 0; i--) {
			const count = r.int(100, 400_000);
			lines.push(`    - label: ${yamlText(`${capitalize(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}s`)}`, `      count: ${count}`);
			if (r.next() < 0.5) {
				lines.push('      subsets:', `        - label: with ${r.pick(NOUNS)} data`, `          count: ${r.int(0, count)}`);
			}
		}
	}
	lines.push('sources:');
	for (let i = r.int(1, 3); i > 0; i--) {
		lines.push(`  - title: ${yamlText(`${capitalize(r.pick(NOUNS))} report ${r.int(1, 99)}`)}`, `    url: https://example.org/reports/${index}-${i}`);
	}
	lines.push('---');
	return lines.join('\n');
}

const SECTIONS = ['What happened', 'How it was found', 'What was exposed', 'Which controls failed', 'What a developer could have built', 'What to do on Monday'];

/**
 * One lesson file of about `targetBytes` (UTF-8; the result is within a few hundred bytes), with `quizCount`
 * quizzes. Returns the text and the right answer to each quiz (by quiz id).
 */
export function generateLesson(seed, { id, index = 0, targetBytes, quizCount, withIncident }) {
	const r = createRandom(seed);
	const head = frontMatter(r, id, index, withIncident ?? r.next() < 0.5);
	const count = quizCount ?? r.int(3, 5);
	const types = ['single', 'multiple', 'order'];
	const quizzes = Array.from({ length: count }, (_, i) => quiz(r, `q${i + 1}-${r.pick(TAGS)}`, types[(i + index) % 3]));
	const quizBytes = quizzes.reduce((n, q) => n + Buffer.byteLength(q.text) + 2, 0);
	const blocks = [];
	let bytes = Buffer.byteLength(head) + quizBytes;
	let section = 0;
	while (bytes < targetBytes || blocks.length < 2) {
		const heading = `## ${SECTIONS[section % SECTIONS.length]}${section >= SECTIONS.length ? ` (${Math.floor(section / SECTIONS.length) + 1})` : ''}`;
		const parts = [heading, paragraph(r)];
		const roll = r.next();
		parts.push(roll < 0.3 ? list(r, r.next() < 0.5) : roll < 0.5 ? table(r) : roll < 0.75 ? codeBlock(r) : paragraph(r));
		if (r.next() < 0.5) {
			parts.push(paragraph(r));
		}
		let text = parts.join('\n\n');
		const room = targetBytes - bytes;
		if (Buffer.byteLength(text) > room + 400 && blocks.length >= 2) {
			text = `${paragraph(r)}`;
			if (Buffer.byteLength(text) > room + 400) {
				break;
			}
		}
		blocks.push(text);
		bytes += Buffer.byteLength(text) + 2;
		section++;
	}
	// Spread the quizzes through the body, as authors do (after a section, never before the first one).
	const body = [];
	const every = Math.max(1, Math.floor(blocks.length / count));
	let next = 0;
	blocks.forEach((block, i) => {
		body.push(block);
		if ((i + 1) % every === 0 && next < count - 1) {
			body.push(quizzes[next++].text);
		}
	});
	while (next < count) {
		body.push(quizzes[next++].text);
	}
	const answers = Object.fromEntries(quizzes.map((q) => [q.text.split('\n')[1].slice(4), q.answer]));
	return { text: `${head}\n\n${body.join('\n\n')}\n`, answers };
}

/**
 * Writes `count` lessons to `<dir>/en/` (sizes spread evenly over 5-15 KB) and `<dir>/answers.json`
 * (`lessonId` → `quizId` → right answer). Returns the file list and total bytes.
 */
export function generateSet(dir, count, { seed = 1 } = {}) {
	// The same generator, count and seed give the same files: keep a set a previous run wrote.
	const stamp = `${createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex')} ${count} ${seed}`;
	const stampFile = path.join(dir, 'stamp');
	if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').startsWith(`${stamp}\n`)) {
		return { dir, count, bytes: Number(readFileSync(stampFile, 'utf8').split('\n')[1]), reused: true };
	}
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(path.join(dir, 'en'), { recursive: true });
	const r = createRandom(seed);
	const answers = {};
	let bytes = 0;
	for (let i = 0; i < count; i++) {
		const id = `bench-${String(i + 1).padStart(5, '0')}`;
		const { text, answers: key } = generateLesson(seed * 1_000_003 + i, { id, index: i, targetBytes: r.int(5_000, 15_000) });
		writeFileSync(path.join(dir, 'en', `${id}.md`), text);
		answers[id] = key;
		bytes += Buffer.byteLength(text);
	}
	writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
	writeFileSync(stampFile, `${stamp}\n${bytes}\n`);
	return { dir, count, bytes, reused: false };
}
