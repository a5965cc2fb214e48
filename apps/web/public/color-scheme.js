// Runs before the app: applies the remembered (or system) colour scheme so a dark page
// never flashes light. Mantine's own key and attribute; a file, not inline, so a strict CSP works.
(() => {
  try {
    const stored = localStorage.getItem('mantine-color-scheme-value');
    const system = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    const scheme = stored === 'light' || stored === 'dark' ? stored : system;
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  } catch {
    // storage or matchMedia unavailable: Mantine decides once it starts
  }
})();
