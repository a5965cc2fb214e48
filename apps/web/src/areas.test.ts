import { describe, expect, it } from 'vitest';

/**
 * Each dashboard area has one home: `pages/<area>/` holds what only that area uses, `components/` what is shared.
 * So an area never reaches into another area, and shared code never depends on an area.
 */

/** Source text by path relative to this folder, e.g. `./pages/overview/days-chart.tsx`. */
const SOURCES: Record<string, string> = import.meta.glob(['./**/*.{ts,tsx}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;

/** The relative imports of one file, resolved to paths like `./pages/deliveries/search.ts`. */
function importsOf(file: string, source: string): string[] {
  const base = new URL(file.slice(2), 'file:///src/');
  return [...source.matchAll(IMPORT)].map((m) => `.${new URL(m[1] ?? '', base).pathname.slice('/src'.length)}`);
}

function areaOf(file: string): string | undefined {
  return /^\.\/pages\/([^/]+)\//.exec(file)?.[1];
}

/** Every import that breaks the rule, as `importer -> imported`. */
function strayImports(sources: Record<string, string>): string[] {
  const stray: string[] = [];
  for (const [file, source] of Object.entries(sources)) {
    const from = areaOf(file);
    // The channels' units are shared like components: every area shows channels.
    const shared = file.startsWith('./components/') || file.startsWith('./channels/');
    if (from === undefined && !shared) continue;
    for (const target of importsOf(file, source)) {
      const to = areaOf(target);
      if (to !== undefined && to !== from) stray.push(`${file} -> ${target}`);
    }
  }
  return stray.sort();
}

describe('dashboard areas', () => {
  it('finds an area reaching into another one, and shared code reaching into an area', () => {
    const sources = {
      './pages/overview/days-chart.tsx': "import { deliveriesHref } from '../deliveries/search.ts';",
      './pages/overview/stats.tsx':
        "import { Section } from './section.tsx';\nimport { X } from '../../components/x.tsx';",
      './pages/targets/a.tsx': "const Modal = lazy(() => import('../silences/modal.tsx'));",
      './components/link.tsx': "import type { Search } from '../pages/deliveries/search.ts';",
      './channels/slack.tsx': "import { SecretInput } from '../pages/targets/secret-input.tsx';",
      './router.tsx': "import { OverviewPage } from './pages/overview/overview-page.tsx';",
    };
    expect(strayImports(sources)).toEqual([
      './channels/slack.tsx -> ./pages/targets/secret-input.tsx',
      './components/link.tsx -> ./pages/deliveries/search.ts',
      './pages/overview/days-chart.tsx -> ./pages/deliveries/search.ts',
      './pages/targets/a.tsx -> ./pages/silences/modal.tsx',
    ]);
  });

  it('reads the real pages and components', () => {
    expect(Object.keys(SOURCES)).toContain('./pages/overview/overview-page.tsx');
    expect(
      importsOf('./pages/overview/overview-page.tsx', SOURCES['./pages/overview/overview-page.tsx'] ?? ''),
    ).toContain('./components/page-header.tsx');
  });

  it('keeps each area to itself and shared code in components/', () => {
    expect(strayImports(SOURCES)).toEqual([]);
  });
});
