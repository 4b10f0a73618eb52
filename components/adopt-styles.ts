/**
 * Styles of an on-demand script (Details, My events), adopted by the page the first time it renders: in
 * the script's own bundle, so loading it needs no stylesheet link (and no loader for one) in the popup's
 * first files. Each text is adopted once.
 */
const adopted = new Set<string>();
export function adoptStyles(css: string): void {
  if (adopted.has(css)) return;
  adopted.add(css);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
