/**
 * Lesson → HTML, exactly as the lesson panel shows it (without the page shell). This module pulls in
 * markdown-it, so the extension loads it only when the first lesson opens (it is its own bundle).
 *
 * Safety: raw HTML off, links through the allowlist in ./links, every author string escaped, generated ids
 * prefixed, no inline styles (the webview's CSP has no 'unsafe-inline').
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { formatCount, renderBreakdown, renderTimeline } from './figures';
import { escapeHtml, ID_PREFIX } from '../shared/html';
import { DEFAULT_LABELS, formatLabel, type RenderLabels } from './labels';
import type { Lesson, LessonMeta, Quiz } from '../lessons/lesson';
import { isAllowedHref } from './links';
import { renderQuiz } from './quizHtml';
import { renderExercise } from './exerciseHtml';
import type { Exercise } from '../exercises';
import { quizSeed } from './shuffle';
import { uniqueSlug } from './slug';
import { ownEntry } from '../shared/records';

export interface RenderOptions {
	/** Translated UI words; English by default. */
	readonly labels?: RenderLabels;
	/** The learner's random seed (see ./shuffle), so choices are shown in their own order; '' (default): one order for all. */
	readonly learner?: string;
	/** Per quiz id, the attempt shown (0 for the first, the default): a new attempt shows a new order. */
	readonly attempts?: ReadonlyMap<string, number>;
}

/** Per-render state markdown-it threads through its rules. */
interface RenderEnv {
	readonly lesson: Lesson;
	readonly labels: RenderLabels;
	readonly learner: string;
	readonly attempts: ReadonlyMap<string, number>;
	readonly quizByLine: ReadonlyMap<number, Quiz>;
	readonly exerciseByLine: ReadonlyMap<number, Exercise>;
	readonly slugs: Set<string>;
	/** Per base slug, the next suffix to try, so many equal headings cost linear time, not quadratic. */
	readonly slugSuffixes: Map<string, number>;
	quizNumber: number;
	/** Figures already placed by a fence, so the header does not draw them again. */
	readonly placed: Set<string>;
}

/** Fences an author writes to place a figure in the body; without one, the figure goes in the header. */
const FIGURE_FENCES: Readonly<Record<string, (lesson: Lesson, labels: RenderLabels) => string>> = {
	'incident-timeline': (lesson, labels) => renderTimeline(lesson.meta.incident?.timeline ?? [], lesson.locale, labels),
	'incident-breakdown': (lesson, labels) => renderBreakdown(lesson.meta.incident?.breakdown ?? [], labels),
};

let engine: MarkdownIt | undefined;

/** markdown-it hands rules its `env` untyped; ours always carries the RenderEnv under `il`. */
function stateOf(env: unknown): RenderEnv {
	return (env as { il: RenderEnv }).il;
}

/** markdown-it writes table alignment as style="text-align:…"; the CSP forbids inline styles, so use classes. */
function alignmentToClass(tokens: Token[]): void {
	for (const token of tokens) {
		if (token.type !== 'th_open' && token.type !== 'td_open') {
			continue;
		}
		const style = token.attrGet('style');
		if (style) {
			token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
			const align = /text-align:\s*(left|right|center)/.exec(String(style))?.[1];
			if (align) {
				token.attrSet('class', `il-align-${align}`);
			}
		}
	}
}

function createEngine(): MarkdownIt {
	const md = markdownIt('default', { html: false, linkify: true, typographer: false });
	md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
	md.validateLink = isAllowedHref;
	md.core.ruler.push('il_table_align', (state) => {
		alignmentToClass(state.tokens);
	});

	md.renderer.rules.heading_open = (tokens, idx, _options, env) => {
		const token = tokens[idx] as Token;
		const text = tokens[idx + 1]?.content ?? '';
		const { slugs, slugSuffixes } = stateOf(env);
		return `<${token.tag} id="${ID_PREFIX}h-${escapeHtml(uniqueSlug(text, slugs, slugSuffixes))}">`;
	};
	md.renderer.rules.fence = (tokens, idx, _options, env) => {
		const token = tokens[idx] as Token;
		const lang = token.info.trim().split(/\s+/)[0] ?? '';
		const state = stateOf(env);
		const quiz = lang === 'quiz' && token.map ? state.quizByLine.get(state.lesson.bodyLine + token.map[0]) : undefined;
		if (quiz) {
			state.quizNumber += 1;
			const shuffle = { seed: quizSeed(state.learner, state.lesson.meta.id, quiz.id), attempt: state.attempts.get(quiz.id) ?? 0 };
			return renderQuiz(quiz, state.lesson.meta.id, state.quizNumber, state.lesson.quizzes.length, state.labels, shuffle);
		}
		const exercise = lang === 'exercise' && token.map ? state.exerciseByLine.get(state.lesson.bodyLine + token.map[0]) : undefined;
		if (exercise) {
			// The prompt and explanation are Markdown of their own: no quiz, exercise or figure inside them, the same slugs.
			const inner: RenderEnv = { ...state, quizByLine: new Map(), exerciseByLine: new Map(), placed: new Set(Object.keys(FIGURE_FENCES)) };
			return renderExercise(exercise, state.labels.exercise, (text) => md.render(text, { il: inner }));
		}
		if (lang === 'exercise') {
			return ''; // a block the parser did not take as an exercise (its diagnostics say why) is not shown as code
		}
		const drawFigure = ownEntry(FIGURE_FENCES, lang);
		if (drawFigure && !state.placed.has(lang)) {
			state.placed.add(lang);
			return drawFigure(state.lesson, state.labels);
		}
		const langClass = lang ? ` class="language-${escapeHtml(lang)}"` : '';
		// A wide sample scrolls sideways: focusable, so a keyboard can scroll it, and named, so focus says what it is.
		const name = lang ? `${state.labels.codeSample} (${lang})` : state.labels.codeSample;
		return `<pre class="il-code" tabindex="0" role="group" aria-label="${escapeHtml(name)}"><code${langClass}>${escapeHtml(token.content)}</code></pre>\n`;
	};
	md.renderer.rules.image = (tokens, idx, _options, env) => {
		const alt = (tokens[idx] as Token).children?.map((t: Token) => t.content).join('') ?? '';
		return `<span class="il-image-omitted">${escapeHtml(formatLabel(stateOf(env).labels.imageOmitted, alt))}</span>`;
	};
	// A wide table scrolls sideways in a narrow panel (see lesson.css): focusable, so a keyboard can scroll it.
	md.renderer.rules.table_open = () => '<table tabindex="0">\n';
	const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
	md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
		const token = tokens[idx] as Token;
		token.attrSet('class', 'il-link');
		token.attrSet('rel', 'noopener noreferrer');
		return defaultLinkOpen(tokens, idx, options, env, self);
	};
	return md;
}

function attackUrl(technique: string): string {
	return `https://attack.mitre.org/techniques/${technique.replace('.', '/')}/`;
}

/** The figures the body did not place itself. */
function headerFigures(lesson: Lesson, labels: RenderLabels, placed: ReadonlySet<string>): string {
	return Object.entries(FIGURE_FENCES).filter(([fence]) => !placed.has(fence)).map(([, draw]) => draw(lesson, labels)).join('');
}

function headerHtml(meta: LessonMeta, labels: RenderLabels): string {
	const chips: string[] = [];
	if (meta.minutes !== undefined) {
		chips.push(formatLabel(labels.minutes, meta.minutes));
	}
	if (meta.level) {
		chips.push(labels.levels[meta.level]);
	}
	const chipHtml = chips.map((c) => `<span class="il-chip">${escapeHtml(c)}</span>`).join('');
	const attack = meta.attack.length === 0 ? '' : `<p class="il-attack"><span class="il-attack-label">${escapeHtml(labels.techniques)}</span> `
		+ meta.attack.map((t) => `<a class="il-link il-chip" href="${escapeHtml(attackUrl(t))}" rel="noopener noreferrer">${escapeHtml(t)}</a>`).join(' ')
		+ '</p>';
	return `<header class="il-header"><h1 id="${ID_PREFIX}title">${escapeHtml(meta.title)}</h1>`
		+ `<p class="il-summary">${escapeHtml(meta.summary)}</p>`
		+ (chipHtml ? `<p class="il-chips">${chipHtml}</p>` : '')
		+ attack + incidentHtml(meta, labels) + '</header>\n';
}

function incidentHtml(meta: LessonMeta, labels: RenderLabels): string {
	const incident = meta.incident;
	if (!incident) {
		return '';
	}
	const facts: [string, string][] = [];
	if (incident.organization) {
		facts.push([labels.organization, incident.organization]);
	}
	if (incident.date) {
		facts.push([labels.disclosed, incident.date]);
	}
	if (incident.records !== undefined) {
		facts.push([labels.records, formatCount(incident.records)]);
	}
	if (facts.length === 0) {
		return '';
	}
	return '<dl class="il-incident">' + facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('') + '</dl>';
}

function sourcesHtml(meta: LessonMeta, labels: RenderLabels): string {
	if (meta.sources.length === 0) {
		return '';
	}
	const items = meta.sources.map((s) => s.url && isAllowedHref(s.url) && /^https?:/i.test(s.url)
		? `<li><a class="il-link" href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.title)}</a></li>`
		: `<li>${escapeHtml(s.title)}</li>`).join('');
	return `<section class="il-sources" aria-labelledby="${ID_PREFIX}sources"><h2 id="${ID_PREFIX}sources">${escapeHtml(labels.sources)}</h2><ul>${items}</ul></section>\n`;
}

function footerHtml(labels: RenderLabels): string {
	return `<footer class="il-footer"><p class="il-score" id="${ID_PREFIX}score"></p>`
		+ `<button type="button" class="il-next" id="${ID_PREFIX}next">${escapeHtml(labels.nextLesson)}</button></footer>\n`;
}

/**
 * Renders a parsed lesson to HTML. Pure and deterministic: the same lesson and options give the same string.
 * Quizzes are matched to their fences by line, so the renderer and the parser agree on what is a quiz.
 */
export function renderLesson(lesson: Lesson, options: RenderOptions = {}): string {
	engine ??= createEngine();
	const labels = options.labels ?? DEFAULT_LABELS;
	const env: RenderEnv = {
		lesson,
		labels,
		learner: options.learner ?? '',
		attempts: options.attempts ?? new Map(),
		quizByLine: new Map(lesson.quizzes.map((q) => [q.line, q])),
		exerciseByLine: new Map(lesson.exercises.map((e) => [e.line, e])),
		slugs: new Set(),
		slugSuffixes: new Map(),
		quizNumber: 0,
		placed: new Set(),
	};
	const body = engine.render(lesson.body, { il: env });
	return `<article class="il-lesson" data-lesson-id="${escapeHtml(lesson.meta.id)}" lang="${escapeHtml(lesson.locale)}">\n`
		+ headerHtml(lesson.meta, labels)
		+ headerFigures(lesson, labels, env.placed)
		+ `<div class="il-body">\n${body}</div>\n`
		+ sourcesHtml(lesson.meta, labels)
		+ footerHtml(labels)
		+ '</article>\n';
}
