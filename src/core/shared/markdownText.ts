/**
 * Text from lessons, assignments files and reports made inert in the Markdown documents the tools write (team
 * report, report summary, curriculum): it shows as the characters it is, never as markup, HTML or a link. Pure.
 */
import { oneLine } from './text';

/** Text made safe for one Markdown table cell: no line breaks or control characters, Markdown and HTML syntax escaped. */
export function markdownCell(text: string): string {
	return oneLine(text).replace(/[\\`*_[\]<>|#!~&$]/g, (c) => `\\${c}`).trim();
}

/** Percent-encodes one character (its UTF-8 bytes). */
function percentEncode(c: string): string {
	return [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * A Markdown link to `url` labelled `label`, for a table cell; the label is escaped and the destination has every
 * character that could end it, open markup or split the table row percent-encoded (parentheses, angle brackets,
 * quotes, spaces, `|`, backslash, backtick, controls). Anything but an http(s) URL is shown as text, not linked.
 */
export function markdownLink(label: string, url: string): string {
	if (!/^https?:\/\/[^\s]/i.test(url)) {
		return `${markdownCell(label)} (${markdownCell(url)})`;
	}
	const destination = url.replace(/[\u0000-\u0020\u007f-\u009f\u202a-\u202e\u2066-\u2069"'()<>[\]\\`|{}^]/g, percentEncode);
	return `[${markdownCell(label)}](${destination})`;
}
