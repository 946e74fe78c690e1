/**
 * Pictures drawn from a lesson's front matter: the incident timeline and the breakdown of affected records.
 * Inline SVG with classes for colour (the stylesheet maps them to theme colours; no inline styles), a text
 * alternative for screen readers, and no external requests. Every author string is escaped.
 */
import { escapeHtml, ID_PREFIX } from '../shared/html';
import { formatLabel, type RenderLabels } from './labels';
import type { BreakdownItem, TimelineEvent } from '../lessons/lesson';

const WIDTH = 680;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03-19` → "19 Mar 2024" / "2024年3月19日"; `2024-10` → "Oct 2024" / "2024年10月". */
export function formatDate(date: string, locale: string): string {
	const [year, month, day] = date.split('-').map(Number);
	if (!year || !month) {
		return date;
	}
	if (locale === 'ja') {
		return day ? `${year}年${month}月${day}日` : `${year}年${month}月`;
	}
	const name = MONTHS_EN[month - 1] ?? String(month);
	return day ? `${day} ${name} ${year}` : `${name} ${year}`;
}

/** Formats a count with thousands separators, independent of the host's locale settings. */
export function formatCount(count: number): string {
	return Math.round(count).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** True for CJK and other wide characters (by UTF-16 code unit, so characters beyond the BMP count as narrow). */
function isWide(code: number): boolean {
	return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
		|| (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
		|| (code >= 0xffe0 && code <= 0xffe6);
}

/** Width of text in "average character" units: CJK and other wide characters count double. */
function textUnits(text: string): number {
	let units = 0;
	for (const ch of text) {
		units += isWide(ch.charCodeAt(0)) ? 2 : 1;
	}
	return units;
}

/** Breaks text into lines of at most `max` units, at spaces where there are any (CJK text breaks anywhere). */
export function wrapText(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	let lineUnits = 0; // textUnits(line), kept as the line grows rather than measured again for every word
	for (const word of text.split(/(\s+)/).filter((w) => w !== '')) {
		for (const piece of textUnits(word) > max ? [...word] : [word]) {
			const pieceUnits = textUnits(piece);
			if (lineUnits + pieceUnits > max && line.trim() !== '') {
				lines.push(line.trim());
				line = piece.trimStart();
				lineUnits = textUnits(line);
			} else {
				line += piece;
				lineUnits += pieceUnits;
			}
		}
	}
	if (line.trim() !== '') {
		lines.push(line.trim());
	}
	return lines.length > 0 ? lines : [''];
}

function tspans(lines: readonly string[], x: number, firstY: number, lineHeight: number): string {
	return lines.map((l, i) => `<tspan x="${x}" y="${firstY + i * lineHeight}">${escapeHtml(l)}</tspan>`).join('');
}

function figure(kind: string, title: string, description: string, height: number, body: string): string {
	const id = `${ID_PREFIX}fig-${kind}`;
	return `<figure class="il-figure il-figure-${kind}">`
		+ `<svg class="il-svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`
		+ `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`
		+ body + `</svg><figcaption>${escapeHtml(title)}</figcaption></figure>\n`;
}

/** The incident timeline, events top to bottom in the order given (lint checks they are in date order). */
export function renderTimeline(events: readonly TimelineEvent[], locale: string, labels: RenderLabels): string {
	if (events.length === 0) {
		return '';
	}
	const lineHeight = 18;
	const axisX = 150;
	let y = 24;
	const rows: string[] = [];
	for (const event of events) {
		const lines = wrapText(event.label, 60);
		rows.push(`<circle class="il-fig-dot" cx="${axisX}" cy="${y - 5}" r="6"/>`
			+ `<text class="il-fig-date" x="${axisX - 16}" y="${y}" text-anchor="end">${escapeHtml(formatDate(event.date, locale))}</text>`
			+ `<text class="il-fig-text" x="${axisX + 18}" y="${y}">${tspans(lines, axisX + 18, y, lineHeight)}</text>`);
		y += lines.length * lineHeight + 18;
	}
	const height = y - 10;
	const axis = `<line class="il-fig-axis" x1="${axisX}" y1="12" x2="${axisX}" y2="${height - 12}"/>`;
	const description = events.map((e) => `${formatDate(e.date, locale)}: ${e.label}`).join('; ');
	return figure('timeline', labels.timeline, description, height, axis + rows.join(''));
}

/** Records by category as horizontal bars; a category's subsets are drawn inside its bar. */
export function renderBreakdown(items: readonly BreakdownItem[], labels: RenderLabels): string {
	if (items.length === 0) {
		return '';
	}
	const max = Math.max(...items.map((i) => i.count), 1);
	const labelWidth = 270;
	const barMax = WIDTH - labelWidth - 90;
	const lineHeight = 16;
	let y = 10;
	const rows: string[] = [];
	const descriptions: string[] = [];
	for (const item of items) {
		const lines = wrapText(item.label, 30);
		const barY = y;
		const barHeight = 22;
		const width = Math.max(2, (item.count / max) * barMax);
		let row = `<text class="il-fig-text" x="${labelWidth - 10}" y="${barY + 15}" text-anchor="end">${tspans(lines, labelWidth - 10, barY + 15, lineHeight)}</text>`
			+ `<rect class="il-fig-bar" x="${labelWidth}" y="${barY}" width="${width.toFixed(1)}" height="${barHeight}" rx="2"/>`
			+ `<text class="il-fig-value" x="${(labelWidth + width + 6).toFixed(1)}" y="${barY + 15}">${formatCount(item.count)}</text>`;
		let subY = barY + barHeight + 4;
		const subs: string[] = [];
		for (const sub of item.subsets) {
			const subWidth = Math.max(2, (sub.count / max) * barMax);
			row += `<rect class="il-fig-subbar" x="${labelWidth}" y="${subY}" width="${subWidth.toFixed(1)}" height="12" rx="2"/>`
				+ `<text class="il-fig-subtext" x="${(labelWidth + subWidth + 6).toFixed(1)}" y="${subY + 10}">${escapeHtml(`${sub.label}: ${formatCount(sub.count)}`)}</text>`;
			subY += 16;
			subs.push(`${sub.label}: ${formatCount(sub.count)}`);
		}
		rows.push(row);
		descriptions.push(`${item.label}: ${formatCount(item.count)}${subs.length ? ` (${subs.join(', ')})` : ''}`);
		y = Math.max(subY, barY + lines.length * lineHeight + 8) + 10;
	}
	return figure('breakdown', labels.breakdown, formatLabel(labels.breakdownDescription, descriptions.join('; ')), y, rows.join(''));
}
