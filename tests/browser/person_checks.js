// The measurements of tests/browser/test_person_checks.py, added to each page it opens (window.tillitChecks).
window.tillitChecks = {
  // Visible elements with text of their own whose box leaves the viewport sideways, outside a scrolling box that
  // keyboard users can focus (a wide table's wrapper): content lost at that width.
  lostSideways: () => {
    const out = [], width = document.documentElement.clientWidth;
    for (const el of document.body.querySelectorAll('*')) {
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;                       // visually hidden text for screen readers
      if (r.right <= width + 1 && r.left >= -1) continue;
      let box = el.parentElement, scrolls = false;
      for (; box && box !== document.body; box = box.parentElement) {
        const s = getComputedStyle(box);
        if (/(auto|scroll)/.test(s.overflowX) && box.scrollWidth > box.clientWidth) { scrolls = box.tabIndex >= 0 || /^(PRE|CODE)$/.test(box.tagName); break; }
      }
      if (!scrolls) out.push(`${el.tagName}.${el.className}: "${el.textContent.trim().slice(0, 40)}" at ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
    }
    return {scroll: document.documentElement.scrollWidth - width, lost: out.slice(0, 10)};
  },

  // Boxes that cut their text off (overflow hidden or clip and more content than room), and interactive elements
  // whose boxes overlap (one drawn over the other): text lost or controls that cannot be told apart.
  clippedAndOverlapping: () => {
    const clipped = [], shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    for (const el of document.body.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (!/(hidden|clip)/.test(s.overflowX + s.overflowY) || !el.textContent.trim() || !shown(el)) continue;
      if (el.closest('.md-header__topic')) continue;     // the page title in the header: the h1 below says it in full
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;                       // visually hidden text for screen readers
      if (el.scrollHeight > el.clientHeight + 2 && /(hidden|clip)/.test(s.overflowY)
          || el.scrollWidth > el.clientWidth + 2 && /(hidden|clip)/.test(s.overflowX))
        clipped.push(`${el.tagName}.${el.className}: "${el.textContent.trim().slice(0, 30)}"`);
    }
    const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), [tabindex="0"], summary, label')]
      .filter(el => shown(el)).map(el => [el, [...el.getClientRects()].filter(r => r.width > 1 && r.height > 1)])
      .filter(([, rects]) => rects.length);          // a link over two lines is two boxes, not the box around both
    const overlapping = [];
    for (let i = 0; i < controls.length; i++) for (let j = i + 1; j < controls.length; j++) {
      const [a, ps] = controls[i], [b, qs] = controls[j];
      if (a.contains(b) || b.contains(a) || (a.htmlFor && a.htmlFor === b.id) || (b.htmlFor && b.htmlFor === a.id)) continue;
      const meet = (p, q) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2
                             && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2;
      if (ps.some(p => qs.some(q => meet(p, q)))) overlapping.push(`"${(a.textContent || a.getAttribute('aria-label') || '').trim().slice(0, 25)}" / "${(b.textContent || b.getAttribute('aria-label') || '').trim().slice(0, 25)}"`);
    }
    return {clipped, overlapping};
  },

  // The focused element, once scrolling and transitions have stopped: its focus indicator, and whether any of five
  // points of its part inside the window is on top (not covered by the sticky header or anything else); a visually
  // hidden radio shows its focus on the label after it.
  focused: async () => {
    for (let i = 0, last = null; i < 90; i++) {
      await new Promise(resolve => requestAnimationFrame(resolve));
      const now = [scrollX, scrollY, document.activeElement.getBoundingClientRect().top].join();
      if (now === last && document.getAnimations().every(a => a.playState !== 'running')) break;
      last = now;
    }
    let el = document.activeElement;
    if (!el || el === document.body) return null;
    const next = el.nextElementSibling;
    if (el.tagName === 'INPUT' && next && next.tagName === 'LABEL' && getComputedStyle(el).opacity === '0') el = next;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth), top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    const points = right <= left || bottom <= top ? [] : [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]]
      .map(([x, y]) => [left + (right - left) * x, top + (bottom - top) * y]);
    return {name: `${el.tagName} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}"`,
            indicator: (s.outlineStyle !== 'none' && (s.outlineStyle === 'auto' || parseFloat(s.outlineWidth) >= 2)) || s.boxShadow !== 'none',
            seen: points.some(([x, y]) => { const hit = document.elementFromPoint(x, y); return hit && (el.contains(hit) || hit.contains(el)); })};
  },

  // Interactive targets smaller than 24 x 24 px whose 24 px circle (centred on them) meets another target: 2.5.8
  // exempts targets in a sentence or block of text (inline links) and those with room around them.
  smallTargets: () => {
    const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, [role=button], label[for], summary, [tabindex="0"]')]
      .filter(el => shown(el) && !el.closest('[inert]')).map(el => ({el, r: el.getBoundingClientRect()}))
      .filter(({r}) => r.width >= 1 && r.height >= 1 && r.bottom > -5000);
    const inline = el => getComputedStyle(el).display === 'inline' && el.parentElement
      && el.parentElement.textContent.trim().length > el.textContent.trim().length;
    const out = [];
    for (const t of targets) {
      if (t.r.width >= 24 && t.r.height >= 24 || inline(t.el)) continue;
      const cx = t.r.left + t.r.width / 2, cy = t.r.top + t.r.height / 2;
      const near = targets.find(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (() => {
        const dx = Math.max(o.r.left - cx, 0, cx - o.r.right), dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
        return Math.hypot(dx, dy) < 12;
      })());
      if (near) out.push(`${t.el.tagName} "${(t.el.getAttribute('aria-label') || t.el.textContent).trim().slice(0, 25)}" ${Math.round(t.r.width)}x${Math.round(t.r.height)} beside "${(near.el.getAttribute('aria-label') || near.el.textContent).trim().slice(0, 25)}"`);
    }
    return out;
  },

  // Elements drawn only while the pointer is over a control (the language menu): a fingerprint of what is shown.
  shown: () => Object.fromEntries([...document.body.querySelectorAll('*')].map((el, i) => [el, i])
    .filter(([el]) => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
                      && el.getBoundingClientRect().height > 1 && el.textContent.trim())
    .map(([el, i]) => { const r = el.getBoundingClientRect(); return [el.tagName + i, [r.left + r.width / 2, r.top + r.height / 2]]; })),

  onTop: () => [...document.querySelectorAll('.md-header :is(a[href], button, label), .md-content :is(a[href], button, abbr), .md-footer :is(a[href], button)')]
    .map(el => { const r = el.getBoundingClientRect(); return [el, r.left + r.width / 2, r.top + r.height / 2]; })
    .filter(([el, x, y]) => y > 0 && y < innerHeight && x > 0 && x < innerWidth && el.contains(document.elementFromPoint(x, y)))
    .map(([el, x, y]) => [(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 30), [x, y]]),
};
