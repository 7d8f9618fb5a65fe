// Renders every Mermaid source under diagrams/ to an SVG under docs/diagrams/ (same relative
// path), with one headless Debian Chromium for all of them, and fails on the syntax errors it
// reports or on a diagram wider than a laptop screen. Each SVG carries the SHA-256 of its source
// (data-flux-source), which DiagramTests compares with the source to catch an SVG not rendered
// again after an edit. Usage: node render-diagrams.mjs <project root> <chromium>
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { run } from '@mermaid-js/mermaid-cli';

const [root, chromium] = process.argv.slice(2);
if (!root || !chromium) {
	console.error('usage: node render-diagrams.mjs <project root> <chromium executable>');
	process.exit(2);
}
const sources = path.join(root, 'diagrams');
const target = path.join(root, 'docs', 'diagrams');

async function mermaidFiles(dir) {
	const found = [];
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) found.push(...(await mermaidFiles(file)));
		else if (entry.name.endsWith('.mmd')) found.push(file);
	}
	return found.sort();
}

const files = await mermaidFiles(sources);
// The flags keep Chromium off the network (this machine reaches package registries only) and
// out of the sandbox, which needs user namespaces that containers and root shells lack.
const browser = await puppeteer.launch({
	executablePath: chromium,
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
// Fixed seeds and ids, so that an unchanged diagram renders to the same SVG and git shows only
// real changes. Sequence diagrams wrap long messages instead of widening the diagram, within
// participants as wide as the first of these that keeps the diagram under MAX_WIDTH.
const PARTICIPANT_WIDTHS = [150, 130, 110];
const mermaidConfig = (participantWidth) => ({
	deterministicIds: true, deterministicIDSeed: 'flux', handDrawnSeed: 1,
	sequence: { wrap: true, width: participantWidth, actorMargin: 15, noteMargin: 8, messageMargin: 30 },
});
// Widest a diagram may be at scale 1 (the viewBox), so that it reads on a laptop screen;
// DiagramTests holds the committed SVGs to the same limit.
const MAX_WIDTH = 1600;

// The SHA-256 of a source, line endings normalised, as DiagramTests computes it.
function sourceHash(text) {
	return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

// Stamps the source's hash on the root element and returns the width of the viewBox.
async function stamp(output, hash) {
	const svg = await readFile(output, 'utf8');
	const stamped = svg.replace(/^<svg /, `<svg data-flux-source="sha256:${hash}" `);
	if (stamped === svg) throw new Error('the SVG does not start with <svg');
	await writeFile(output, stamped);
	const viewBox = /viewBox="([^"]+)"/.exec(svg);
	return viewBox ? Number(viewBox[1].trim().split(/[\s,]+/)[2]) : Number.NaN;
}
const failures = [];
// Two pages at a time: most of a render is Chromium laying out text, and machines have 2+ cores.
const queue = [...files];
async function worker() {
	for (let file = queue.shift(); file; file = queue.shift()) {
		const relative = path.relative(sources, file);
		const output = path.join(target, relative.replace(/\.mmd$/, '.svg'));
		await mkdir(path.dirname(output), { recursive: true });
		try {
			const hash = sourceHash(await readFile(file, 'utf8'));
			let width = Number.NaN;
			for (const participantWidth of PARTICIPANT_WIDTHS) {
				await run(file, output, {
					browser, quiet: true, outputFormat: 'svg', parseMMDOptions: { mermaidConfig: mermaidConfig(participantWidth) },
				});
				width = await stamp(output, hash);
				if (width <= MAX_WIDTH) break;
			}
			if (!(width <= MAX_WIDTH)) {
				failures.push(`diagrams/${relative}: ${Math.round(width)} px wide, more than ${MAX_WIDTH}: shorten its labels, `
					+ 'lay it out top to bottom, or split it into diagrams of one concern each');
			}
		}
		catch (error) {
			failures.push(`diagrams/${relative}: ${String(error?.message ?? error).split('\n').slice(0, 6).join('\n    ')}`);
		}
	}
}
try {
	await Promise.all([worker(), worker()]);
}
finally {
	await browser.close();
}
if (failures.length > 0) {
	console.error(failures.join('\n'));
	process.exit(1);
}
console.log(`rendered ${files.length} diagrams to docs/diagrams/`);
