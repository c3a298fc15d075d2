/** Pasted HTML is cleaned before the editor reads it: structure kept; scripts, styles, handlers, images and unsafe links gone. */
import { describe, expect, it } from 'vitest';
import { isSafeHref, sanitizePastedHtml } from '../../renderer/ui/RichTextPaste';

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>
<body><h2 style="color:#2E74B5">Criterios</h2><p class=MsoNormal style='margin:0'><b><span style='font-size:11pt'>MQL</span></b>: perfil<o:p></o:p></p>
<table class=MsoTable style="border:solid"><tr><td colspan="2" style="width:100px" onclick="x()">Celda</td></tr></table>
<ol start="3"><li>tres</li></ol><p><a href="https://example.com" target="_blank" onclick="steal()">web</a> <a href="javascript:alert(1)">mal</a> <a href="file:///etc/passwd">f</a></p>
<img src="https://tracker.invalid/p.gif"><img src="data:image/png;base64,AAAA"><script>alert(1)</script><iframe src="https://x.invalid"></iframe>
<svg onload="x()"><circle/></svg><form><input value="x"></form></body></html>`;

describe('sanitizePastedHtml', () => {
  it('keeps headings, bold, tables, lists and safe links; drops the rest', () => {
    const out = sanitizePastedHtml(WORD);
    const box = document.createElement('div');
    box.innerHTML = out;
    expect(box.querySelector('h2')?.textContent).toBe('Criterios');
    expect(box.querySelector('b')?.textContent).toBe('MQL');
    expect(box.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(box.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect([...box.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com', null, null]);
    expect(out).not.toMatch(/<(img|script|style|iframe|svg|form|input|o:p)\b/i);
    expect(out).not.toMatch(/\s(style|class|onclick|onload|target)=/i);
    expect(out).not.toContain('mso');
    expect(box.textContent).toContain('perfil');
  });

  it('never throws on odd input', () => {
    expect(sanitizePastedHtml('')).toBe('');
    expect(sanitizePastedHtml('<p>sin cerrar <b>negrita')).toContain('<b>negrita</b>');
    expect(sanitizePastedHtml('<img src=x onerror=alert(1)>texto')).toBe('texto');
  });

  it('allows only http, https and mailto links', () => {
    expect(['https://a.example', 'http://b.example', 'mailto:x@y.example', ' HTTPS://C.EXAMPLE'].every(isSafeHref)).toBe(true);
    expect(['javascript:alert(1)', 'file:///etc', 'data:text/html,x', 'vbscript:x', '//evil.example', 'pacto://x'].some(isSafeHref)).toBe(false);
  });
});
