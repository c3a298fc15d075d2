/**
 * Cleans HTML pasted from Word, Google Docs or a web page before the editor
 * parses it: keeps structure (headings, paragraphs, lists, tables, bold,
 * italic, links), drops what is foreign or unsafe — scripts, styles, class
 * and style attributes, event handlers, images (remote or embedded), frames,
 * forms, Office's `o:`/`w:` elements and conditional comments, and links
 * other than http(s) and mailto. The editor's schema then drops anything
 * else it has no node for; this pass makes the result safe on its own.
 */

/** Elements removed with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'svg',
  'math',
  'canvas',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'form',
  'input',
  'button',
  'select',
  'textarea',
]);

/** Attributes kept (per element); every other attribute is removed. */
const KEEP_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
};

/** Whether `href` may stay on a pasted link: http, https and mailto only. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

function clean(node: Element): void {
  for (const child of [...node.children]) {
    const name = child.tagName.toLowerCase();
    if (DROP_WITH_CONTENT.has(name)) {
      child.remove();
      continue;
    }
    if (name.includes(':')) {
      // Office namespaces (o:p, w:sdt, v:shape): keep the text, lose the element.
      clean(child);
      child.replaceWith(...child.childNodes);
      continue;
    }
    const keep = KEEP_ATTRIBUTES[name] ?? [];
    for (const attr of [...child.attributes]) {
      if (!keep.includes(attr.name.toLowerCase())) child.removeAttribute(attr.name);
    }
    if (name === 'a' && !isSafeHref(child.getAttribute('href') ?? '')) child.removeAttribute('href');
    clean(child);
  }
}

/**
 * The sanitized form of pasted `html` (a string of HTML, as the clipboard
 * gives it). Uses the DOM parser of the page (inert: scripts do not run,
 * images do not load while parsing). Never throws; an unparsable input gives ''.
 */
export function sanitizePastedHtml(html: string): string {
  // Office's conditional comments (<!--[if gte mso 9]>…<![endif]-->) and plain comments.
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, '');
  // Event-handler attributes go before any parsing: even an inert parse makes Chromium check them against the CSP.
  const withoutHandlers = withoutComments.replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
  const parsed = new DOMParser().parseFromString(withoutHandlers, 'text/html');
  const body = parsed.body;
  if (!body) return '';
  clean(body);
  return body.innerHTML;
}
