// Bundle entry.js into plotly-tablero.min.js with esbuild, as plotly.js builds its own dist
// (iife exposing window.Plotly, es2016). Run: npm ci && npm run build
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { offline } from './offline.mjs';

const version = JSON.parse(readFileSync('node_modules/plotly.js/package.json', 'utf8')).version;
const traces = [...readFileSync('entry.js', 'utf8').matchAll(/plotly\.js\/lib\/(\w+)'\)/g)]
    .map((m) => m[1])
    .filter((name) => name !== 'core');

const result = await build({
    entryPoints: ['entry.js'],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Plotly',
    target: 'es2016',
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    // maplibre's CSS is required only when a map trace registers; none does here
    loader: { '.css': 'empty' },
    write: false,
    logLevel: 'warning',
});
const banner =
    `/*! plotly.js v${version} (MIT, Copyright 2012-2026 Plotly, Inc.), partial bundle for ` +
    `Tablero Migrante: core (scatter) + ${traces.join(', ')}. Built by dash_app/plotly_bundle. */\n`;
writeFileSync('plotly-tablero.min.js', offline(banner + result.outputFiles[0].text));
console.log(`plotly-tablero.min.js: plotly.js ${version}, scatter + ${traces.join(', ')}`);
