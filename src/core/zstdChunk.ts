/**
 * A Zstandard decoder in JavaScript (the `fzstd` package), as dist/zstd.js: both entries load it to unpack the lesson
 * packs (dist/lessons.json.zst) when the first bundled lesson is read. Neither host has a Zstandard stream of its own
 * (Node has none before 22.15, browsers none at all). Pure.
 */
export { Decompress } from 'fzstd';
