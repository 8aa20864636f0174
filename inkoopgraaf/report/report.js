/* inkoopgraaf report: draws the embedded JSON data.
 * Security rule: data is untrusted document text. It only ever reaches the page through
 * textContent, createTextNode and setAttribute on non-executable attributes -- never
 * innerHTML/insertAdjacentHTML/document.write. */
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('report-data').textContent);
  var LBL = DATA.labels;
  var DOCS = DATA.docs, REGIONS = DATA.regions, FACTS = DATA.facts, TEXTS = DATA.texts;
  // Field positions of a compact fact row (see render.py build_payload).
  var F_DOC = 0, F_TYPE = 1, F_START = 2, F_END = 3, F_PAGE = 4, F_TEXT = 5, F_SUM = 6;
  var PAGE_SIZE = 50;
  var MAX_EVIDENCE = 100;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  var TYPES = ['date', 'segment', 'financing', 'procedure', 'decision', 'region', 'municipality', 'plan_change'];

  // ------------------------------------------------------------------ DOM helpers
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    if (typeof child === 'string' || typeof child === 'number') {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }
  function setAttrs(node, attrs) {
    if (!attrs) return node;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'class') node.setAttribute('class', v);
      else if (k.slice(0, 2) === 'on' && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
    return node;
  }
  function el(tag, attrs) {
    var node = setAttrs(document.createElement(tag), attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function svg(tag, attrs) {
    var node = setAttrs(document.createElementNS(SVG_NS, tag), attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }
  function plural(n, one, many) { return n.toLocaleString('nl-NL') + ' ' + (n === 1 ? one : many); }

  // ------------------------------------------------------------------ data helpers
  var docById = {};
  DOCS.forEach(function (d, i) { docById[d.id] = i; });
  var factsByDoc = DOCS.map(function () { return []; });
  FACTS.forEach(function (f, i) { factsByDoc[f[F_DOC]].push(i); });

  function docName(di) { var d = DOCS[di]; return d.title ? d.title : d.id; }
  function regionNames(di) {
    return DOCS[di].regions.map(function (ri) { return REGIONS[ri].name; }).join(', ');
  }
  function typeLabel(t) { return LBL.types[t] || t; }
  function statusLabel(s) { return LBL.status[String(s)] || String(s); }
  /* A split report's summary (issue 14) holds no texts: its links go to the document's region page. */
  var SPLIT = !!DATA.meta.split, PAGES = DATA.meta.pages || {};
  function docPage(di) { return SPLIT ? DATA.meta.docPages[di] : ''; }
  function factHref(fi) {
    var di = FACTS[fi][F_DOC];
    return docPage(di) + '#document=' + encodeURIComponent(DOCS[di].id) + (SPLIT ? '' : '&feit=' + fi);
  }
  function docHref(di) { return docPage(di) + '#document=' + encodeURIComponent(DOCS[di].id); }
  function parseISO(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  }
  function fmtDate(s) {
    var t = parseISO(s);
    if (isNaN(t)) return s || '?';
    var d = new Date(t);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  }
  function fmtInterval(s, e) { return (!e || s === e) ? fmtDate(s) : fmtDate(s) + ' – ' + fmtDate(e); }
  function squash(s) { return s.replace(/\s+/g, ' '); }

  /* The passage around a fact: some words before and after, the fact itself marked. */
  function passage(fi, radius) {
    var f = FACTS[fi], text = TEXTS[f[F_DOC]];
    var wrap = el('span', { class: 'passage' });
    var s = f[F_START], e = f[F_END];
    if (typeof text !== 'string' || typeof s !== 'number' || typeof e !== 'number' || s < 0 || e > text.length || s > e) {
      wrap.appendChild(el('mark', { class: 'hl t-' + f[F_TYPE] }, f[F_TEXT]));
      return wrap;
    }
    var a = Math.max(0, s - radius), b = Math.min(text.length, e + radius);
    var before = text.slice(a, s), after = text.slice(e, b);
    if (a > 0) { before = before.replace(/^\S*\s/, ''); }
    if (b < text.length) { after = after.replace(/\s\S*$/, ''); }
    append(wrap, [a > 0 ? '…' : '', squash(before),
      el('mark', { class: 'hl t-' + f[F_TYPE] }, squash(text.slice(s, e))),
      squash(after), b < text.length ? '…' : '']);
    return wrap;
  }
  function sourceLine(fi) {
    var f = FACTS[fi];
    return el('p', { class: 'source' },
      el('span', null, 'Bron: '),
      el('a', { href: factHref(fi), title: 'Open het document op deze passage' }, docName(f[F_DOC])),
      f[F_PAGE] ? ', pagina ' + f[F_PAGE] : '',
      ' · regio: ' + regionNames(f[F_DOC]));
  }

  // ------------------------------------------------------------------ evidence panel + hover card
  var evidence = $('evidence'), evidenceBody = $('evidence-body'), evidenceTitle = $('evidence-title');
  var lastTrigger = null;

  function showEvidence(title, factIdxs, trigger) {
    lastTrigger = trigger || null;
    hideHover();
    evidenceTitle.textContent = title;
    clear(evidenceBody);
    evidenceBody.appendChild(el('p', { class: 'count' }, plural(factIdxs.length, 'bronpassage', 'bronpassages')));
    var list = el('ol', { class: 'evidence-list' });
    factIdxs.slice(0, MAX_EVIDENCE).forEach(function (fi) {
      var f = FACTS[fi];
      list.appendChild(el('li', null,
        el('p', { class: 'summary' }, el('span', { class: 'tag t-' + f[F_TYPE] }, typeLabel(f[F_TYPE])), ' ', f[F_SUM]),
        el('blockquote', null, passage(fi, 160)),
        sourceLine(fi)));
    });
    evidenceBody.appendChild(list);
    if (factIdxs.length > MAX_EVIDENCE) {
      evidenceBody.appendChild(el('p', { class: 'note' }, 'En nog ' + (factIdxs.length - MAX_EVIDENCE) +
        ' meer. Gebruik "Alle feiten"' + (SPLIT ? ' op de regio-pagina' : '') + ' om ze allemaal te doorzoeken.'));
    }
    evidence.hidden = false;
    evidence.scrollTop = 0;
    evidenceTitle.setAttribute('tabindex', '-1');
    evidenceTitle.focus({ preventScroll: true });
  }
  function closeEvidence() {
    evidence.hidden = true;
    if (lastTrigger && document.body.contains(lastTrigger)) lastTrigger.focus({ preventScroll: true });
    lastTrigger = null;
  }
  $('evidence-close').addEventListener('click', closeEvidence);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && !evidence.hidden) closeEvidence();
  });

  var hover = $('hovercard');
  function showHover(ev, title, factIdxs) {
    clear(hover);
    hover.appendChild(el('p', { class: 'hover-title' }, title));
    factIdxs.slice(0, 2).forEach(function (fi) {
      hover.appendChild(el('p', { class: 'hover-quote' }, passage(fi, 70)));
    });
    hover.appendChild(el('p', { class: 'note' }, (factIdxs.length > 2 ? plural(factIdxs.length, 'bron', 'bronnen') + '. ' : '') + 'Klik voor alle details.'));
    hover.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var w = hover.offsetWidth, h = hover.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, ev.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, ev.clientY - h - 14);
    hover.style.left = x + 'px';
    hover.style.top = y + 'px';
  }
  function hideHover() { hover.hidden = true; }
  /* Click, Enter/Space and hover on one element all show the same evidence. */
  function bindEvidence(node, title, factIdxs) {
    node.addEventListener('click', function () { showEvidence(title, factIdxs, node); });
    node.addEventListener('mouseenter', function (ev) { showHover(ev, title, factIdxs); });
    node.addEventListener('mouseleave', hideHover);
    if (node.namespaceURI === SVG_NS) {
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', title);
      node.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); showEvidence(title, factIdxs, node); }
      });
    }
  }

  // ------------------------------------------------------------------ paged table
  /* A table that only ever holds one page of rows in the DOM, so 100,000 facts stay fast. */
  function pagedTable(container, pagerContainer, opts) {
    var page = 0;
    var table = el('table', { class: 'data' + (opts.cls ? ' ' + opts.cls : '') });
    if (opts.caption) table.appendChild(el('caption', null, opts.caption));
    var headRow = el('tr');
    opts.columns.forEach(function (c) {
      var th = el('th', { scope: 'col', class: c.cls }, c.onClick ? el('button', { type: 'button', class: 'sort' }, c.label) : c.label);
      if (c.onClick) th.firstChild.addEventListener('click', c.onClick);
      headRow.appendChild(th);
    });
    table.appendChild(el('thead', null, headRow));
    var body = el('tbody');
    table.appendChild(body);
    clear(container).appendChild(table);
    var pager = el('nav', { class: 'pager', 'aria-label': (opts.caption || 'Tabel') + ': pagina\'s' });
    var btnFirst = el('button', { type: 'button', class: 'pg-first' }, '« Eerste');
    var btnPrev = el('button', { type: 'button', class: 'pg-prev' }, '‹ Vorige');
    var info = el('span', { class: 'pg-info', 'aria-live': 'polite' });
    var btnNext = el('button', { type: 'button', class: 'pg-next' }, 'Volgende ›');
    var btnLast = el('button', { type: 'button', class: 'pg-last' }, 'Laatste »');
    append(pager, [btnFirst, btnPrev, info, btnNext, btnLast]);
    clear(pagerContainer || container).appendChild(pager);
    if (!pagerContainer) container.insertBefore(table, pager);

    function pages() { return Math.max(1, Math.ceil(opts.count() / PAGE_SIZE)); }
    function draw() {
      var n = opts.count();
      page = Math.min(page, pages() - 1);
      clear(body);
      var from = page * PAGE_SIZE, to = Math.min(n, from + PAGE_SIZE);
      for (var i = from; i < to; i++) body.appendChild(opts.row(i));
      if (n === 0) {
        body.appendChild(el('tr', null, el('td', { colspan: opts.columns.length, class: 'empty' }, opts.empty || 'Niets gevonden.')));
      }
      info.textContent = n === 0 ? 'Geen rijen' : 'Pagina ' + (page + 1).toLocaleString('nl-NL') + ' van ' + pages().toLocaleString('nl-NL') + ' (rij ' +
        (from + 1).toLocaleString('nl-NL') + '–' + to.toLocaleString('nl-NL') + ' van ' + n.toLocaleString('nl-NL') + ')';
      btnFirst.disabled = btnPrev.disabled = page === 0;
      btnNext.disabled = btnLast.disabled = page >= pages() - 1;
      pager.hidden = n <= PAGE_SIZE;
    }
    btnFirst.addEventListener('click', function () { page = 0; draw(); });
    btnPrev.addEventListener('click', function () { page = Math.max(0, page - 1); draw(); });
    btnNext.addEventListener('click', function () { page = Math.min(pages() - 1, page + 1); draw(); });
    btnLast.addEventListener('click', function () { page = pages() - 1; draw(); });
    draw();
    return { refresh: function (reset) { if (reset) page = 0; draw(); } };
  }

  function select(id, label, options, onChange) {
    var s = el('select', { id: id, onchange: onChange });
    options.forEach(function (o) { s.appendChild(el('option', { value: o[0] }, o[1])); });
    return { wrap: el('div', { class: 'field' }, el('label', { for: id }, label), s), input: s };
  }
  function regionOptions(all) {
    return [['', all]].concat(REGIONS.map(function (r, i) { return [String(i), r.name]; }));
  }

  // ------------------------------------------------------------------ overview
  function renderOverview() {
    var ok = DOCS.filter(function (d) { return d.status !== 'failed'; }).length;
    var failed = DOCS.filter(function (d) { return d.status === 'failed'; });
    var realRegions = REGIONS.filter(function (r) { return r.id !== '_onbekend'; });
    var cbs = {};
    REGIONS.forEach(function (r) { r.municipalities.forEach(function (m) { cbs[m[0]] = 1; }); });
    var byType = {};
    if (SPLIT) byType = DATA.meta.factTypes;
    else FACTS.forEach(function (f) { byType[f[F_TYPE]] = (byType[f[F_TYPE]] || 0) + 1; });
    var nFacts = SPLIT ? DATA.meta.factTotal : FACTS.length;
    function stat(n, label) { return el('div', { class: 'stat' }, el('span', { class: 'stat-n' }, n.toLocaleString('nl-NL')), el('span', { class: 'stat-l' }, label)); }
    var stats = clear($('overview-stats'));
    append(stats, [stat(ok, 'documenten gelezen'), stat(failed.length, 'niet gelezen'),
      stat(realRegions.length, "regio's gevonden"), stat(Object.keys(cbs).length, 'gemeenten genoemd'),
      stat(nFacts, 'feiten gevonden')]);
    var typeList = el('ul', { class: 'type-counts', 'aria-label': 'Feiten per soort' });
    TYPES.forEach(function (t) {
      if (byType[t]) typeList.appendChild(el('li', null, el('span', { class: 'tag t-' + t }, typeLabel(t)), ' ' + byType[t].toLocaleString('nl-NL')));
    });
    stats.appendChild(typeList);

    var failedBox = clear($('overview-failed'));
    if (failed.length) {
      var ul = el('ul');
      failed.forEach(function (d) {
        ul.appendChild(el('li', null, el('strong', null, d.title || d.id), d.path ? ' (' + d.path + ')' : '', ': ' + (d.error || 'reden onbekend')));
      });
      append(failedBox, el('div', { class: 'alert', role: 'note' },
        el('h3', null, 'Niet gelezen: ' + plural(failed.length, 'document', 'documenten')), ul));
    }

    if (SPLIT) renderRegionPages();
    var grid = clear($('overview-regions'));
    REGIONS.forEach(function (r) {
      var muni = r.municipalities.length ? el('ul', { class: 'muni' }, r.municipalities.map(function (m) {
        return el('li', null, m[1] + ' ', el('span', { class: 'code' }, m[0]));
      })) : el('p', { class: 'note' }, 'Geen gemeenten bij naam genoemd.');
      var docs = el('ul', { class: 'region-docs' }, r.docs.slice(0, 8).map(function (di) {
        return el('li', null, el('a', { href: docHref(di) }, docName(di)));
      }));
      if (r.docs.length > 8) docs.appendChild(el('li', { class: 'note' }, 'en ' + (r.docs.length - 8) + ' meer'));
      grid.appendChild(el('section', { class: 'card region-card', 'aria-label': r.name },
        el('h4', null, SPLIT ? el('a', { href: PAGES[r.id] }, r.name) : r.name, r.id !== '_onbekend' ? el('span', { class: 'code' }, ' ' + r.id) : ''),
        el('p', { class: 'note' }, plural(r.docs.length, 'document', 'documenten') + ', ' + plural(r.municipalities.length, 'gemeente', 'gemeenten')),
        muni, el('p', { class: 'sub' }, 'Documenten:'), docs));
    });

    pagedTable($('overview-docs'), null, {
      caption: 'Alle documenten', count: function () { return DOCS.length; },
      columns: [{ label: 'Document' }, { label: 'Jaar' }, { label: 'Regio' }, { label: 'Formaat' },
        { label: "Pagina's", cls: 'num' }, { label: 'Tekens', cls: 'num' }, { label: 'Feiten', cls: 'num' }, { label: 'Status' }],
      row: function (di) {
        var d = DOCS[di];
        return el('tr', null,
          el('td', null, el('a', { href: docHref(di) }, docName(di)), d.title ? el('div', { class: 'code' }, d.id) : ''),
          el('td', null, d.year || '—'), el('td', null, regionNames(di)), el('td', null, d.format || '—'),
          el('td', { class: 'num' }, d.pages == null ? '—' : d.pages),
          el('td', { class: 'num' }, d.characters == null ? '—' : Number(d.characters).toLocaleString('nl-NL')),
          el('td', { class: 'num' }, d.n),
          el('td', null, d.status === 'failed' ? el('span', { class: 'bad' }, 'niet gelezen: ' + (d.error || '?')) : el('span', { class: 'good' }, 'gelezen')));
      }
    });
  }

  /* The summary of a split report: one row per region, linking to the page with its details. */
  function renderRegionPages() {
    $('overview-pages').hidden = false;
    pagedTable($('overview-pages-table'), null, {
      caption: "Regio-pagina's", cls: 'region-pages', count: function () { return REGIONS.length; },
      columns: [{ label: 'Regio' }, { label: 'Documenten', cls: 'num' }, { label: 'Gemeenten', cls: 'num' },
        { label: 'Feiten', cls: 'num' }, { label: 'Details' }],
      row: function (ri) {
        var r = REGIONS[ri];
        return el('tr', null, el('td', null, r.name), el('td', { class: 'num' }, r.docs.length),
          el('td', { class: 'num' }, r.municipalities.length),
          el('td', { class: 'num' }, Number(DATA.meta.regionFacts[ri]).toLocaleString('nl-NL')),
          el('td', null, el('a', { href: PAGES[r.id], class: 'region-page' }, 'Feiten, teksten en tijdlijnen van ' + r.name)));
      }
    });
  }

  // ------------------------------------------------------------------ comparison matrix
  var VARIANTS = ['inspanningsgericht', 'outputgericht', 'taakgericht', 'none'];
  /* One colour per financing model (the legend names each model's iSD variant). */
  var MODEL_COLOURS = 8;
  function modelClass(fid) {
    var i = DATA.matrix.models.map(function (m) { return m[0]; }).indexOf(fid);
    return 'm-' + (i < 0 ? MODEL_COLOURS - 1 : i % MODEL_COLOURS);
  }
  function modelLegend() {
    var box = clear($('matrix-legend'));
    box.appendChild(el('span', { class: 'legend-title' }, 'Bekostiging (uitvoeringsvariant iSD):'));
    DATA.matrix.models.forEach(function (m) {
      box.appendChild(el('span', { class: 'chip ' + modelClass(m[0]) + ' v-' + m[2] },
        el('span', { class: 'chip-name' }, m[1]), el('span', { class: 'chip-sub' }, LBL.variants[m[2]] || m[2])));
    });
    box.appendChild(el('span', { class: 'legend-title' }, 'Status: gekozen · overwogen · eerder (wordt vervangen) · afgewezen (doorgestreept) · status onbekend. ▶ ingangsdatum contract'));
  }
  /* Chips shown in a cell before "+N meer": the whole-procurement column lists many models and
     must not make its row taller than the others (the evidence panel shows them all). */
  var CELL_LIMIT = { fin: 3, proc: 2 }, WHOLE_LIMIT = { fin: 2, proc: 1 };
  function matrixCell(M, row, c) {
    var r = REGIONS[row.region], cell = row.cells[c.id];
    if (!cell) return el('td', { class: 'empty-cell' }, el('span', { 'aria-label': 'geen gegevens' }, '—'));
    var limit = c.id === M.columns[0].id ? WHOLE_LIMIT : CELL_LIMIT, hidden = 0, all = [];
    var btn = el('button', { type: 'button', class: 'cell', 'data-region': r.id, 'data-segment': c.id,
      'data-year': row.year === null ? '' : String(row.year) });
    cell.fin.forEach(function (e, i) {
      all = all.concat(e[4]);
      if (i >= limit.fin) { hidden++; return; }
      btn.appendChild(el('span', { class: 'chip ' + modelClass(e[0]) + ' v-' + e[2] + ' s-' + e[3] },
        el('span', { class: 'chip-name' }, e[1]),
        el('span', { class: 'chip-sub' }, LBL.variants[e[2]] + ' · ' + statusLabel(e[3]) + (e[4].length > 1 ? ' · ' + e[4].length + '×' : ''))));
    });
    cell.proc.forEach(function (e, i) {
      all = all.concat(e[3]);
      if (i >= limit.proc) { hidden++; return; }
      btn.appendChild(el('span', { class: 'proc s-' + e[2] },
        el('span', { class: 'proc-label' }, 'Procedure: '), e[1], ' · ' + statusLabel(e[2])));
    });
    if (hidden) btn.appendChild(el('span', { class: 'more' }, '+' + hidden + ' meer'));
    if (cell.start) btn.appendChild(el('span', { class: 'start' }, '▶ ' + fmtDate(cell.start)));
    all.sort(function (a, b) { return a - b; });
    var name = r.name + (row.year !== null ? ' (' + row.year + ')' : '');
    btn.setAttribute('aria-label', name + ', ' + c.label + ': ' + btn.textContent + '. Toon bronnen.');
    bindEvidence(btn, name + ' · ' + c.label, all);
    return el('td', null, btn);
  }
  function regionHead(row, tag) {
    var r = REGIONS[row.region];
    return el(tag, { scope: tag === 'th' ? 'row' : null, class: 'sticky' }, r.name,
      el('span', { class: 'domain' }, row.year !== null ? String(row.year) : 'jaar onbekend'));
  }
  function segmentHead(c, scope) {
    return el('th', { scope: scope, class: scope === 'row' ? 'sticky' : null }, c.label,
      c.domain ? el('span', { class: 'domain' }, c.domain === 'wmo' ? 'Wmo' : 'Jeugd') : '');
  }
  function renderMatrix() {
    modelLegend();
    var M = DATA.matrix, box = clear($('matrix'));
    if (!M.rows.length) { box.appendChild(el('p', { class: 'note' }, 'Er zijn geen bekostigingsvormen of procedures gevonden.')); return; }
    var segSel = select('matrix-segment', 'Segment', [['', 'Alle segmenten']].concat(M.columns.map(function (c) { return [c.id, c.label]; })), draw);
    var orient = select('matrix-orientation', 'Rijen', [['auto', 'Vanzelf (past op het scherm)'], ['regions', "Regio's"], ['segments', 'Segmenten']], draw);
    var grid = el('div', { class: 'scroll-x' });
    append(box, [el('div', { class: 'filters' }, [segSel.wrap, orient.wrap]), grid]);
    function draw() {
      var cols = M.columns.filter(function (c) { return !segSel.input.value || c.id === segSel.input.value; });
      var mode = orient.input.value;
      var segmentRows = mode === 'segments' || (mode === 'auto' && cols.length > M.rows.length);
      var head = el('tr'), body = el('tbody'), caption;
      if (segmentRows) {
        head.appendChild(el('th', { scope: 'col', class: 'sticky' }, 'Segment'));
        M.rows.forEach(function (row) { head.appendChild(regionHead(row, 'th')); });
        head.querySelectorAll('th').forEach(function (th, i) { if (i) { th.setAttribute('scope', 'col'); th.classList.remove('sticky'); } });
        cols.forEach(function (c) {
          var tr = el('tr', null, segmentHead(c, 'row'));
          M.rows.forEach(function (row) { tr.appendChild(matrixCell(M, row, c)); });
          body.appendChild(tr);
        });
        caption = 'Bekostiging en procedure per segment (rijen) en regio en jaar (kolommen)';
      } else {
        head.appendChild(el('th', { scope: 'col', class: 'sticky' }, 'Regio (jaar)'));
        cols.forEach(function (c) { head.appendChild(segmentHead(c, 'col')); });
        M.rows.forEach(function (row) {
          var tr = el('tr', null, regionHead(row, 'th'));
          cols.forEach(function (c) { tr.appendChild(matrixCell(M, row, c)); });
          body.appendChild(tr);
        });
        caption = 'Bekostiging en procedure per regio en jaar (rijen) en segment (kolommen)';
      }
      clear(grid).appendChild(el('table', { class: 'matrix' + (segmentRows ? ' by-segment' : ''), 'data-orientation': segmentRows ? 'segments' : 'regions' },
        el('caption', null, caption), el('thead', null, head), body));
    }
    draw();
  }

  // ------------------------------------------------------------------ timelines
  /* Planning slips per region: one bar per plan change, days right (later) or left (earlier). */
  function renderSlipsChart() {
    var box = clear($('slips-chart'));
    var rows = [];
    DATA.timeline.forEach(function (r) {
      r.changes.forEach(function (c) { if (c[3] !== null && c[3] !== undefined) rows.push({ region: r.region, c: c }); });
    });
    if (!rows.length) { box.appendChild(el('p', { class: 'note' }, 'Geen verschoven planning gevonden.')); return; }
    var max = Math.max.apply(null, rows.map(function (x) { return Math.abs(x.c[3]); })) || 1;
    var labelW = 260, half = 260, rowH = 22, W = labelW + 2 * half + 80, H = rows.length * rowH + 10;
    var g = svg('svg', { width: W, height: H, role: 'img', 'aria-label': 'Verschuivingen per regio in dagen', class: 'slips' });
    var mid = labelW + half;
    g.appendChild(svg('line', { x1: mid, x2: mid, y1: 0, y2: H, stroke: '#555' }));
    rows.forEach(function (x, i) {
      var d = x.c[3], len = Math.max(2, Math.round(half * Math.abs(d) / max)), y = 5 + i * rowH;
      var label = REGIONS[x.region].name + ': ' + (x.c[0] || 'planning');
      var t = svg('text', { x: labelW - 8, y: y + 14, 'text-anchor': 'end', class: 'slip-label' });
      t.textContent = label.length > 42 ? label.slice(0, 41) + '…' : label;
      var bar = svg('rect', { x: d >= 0 ? mid : mid - len, y: y + 3, width: len, height: rowH - 8,
        class: 'slip-bar ' + (d >= 0 ? 'later' : 'earlier'), tabindex: 0, 'data-days': d,
        'data-region': REGIONS[x.region].id });
      var title = svg('title');
      title.textContent = label + ': ' + (d >= 0 ? 'uitgesteld met ' : 'vervroegd met ') + Math.abs(d) + ' dagen';
      bar.appendChild(title);
      var n = svg('text', { x: d >= 0 ? mid + len + 4 : mid - len - 4, y: y + 14, 'text-anchor': d >= 0 ? 'start' : 'end', class: 'slip-days' });
      n.textContent = (d > 0 ? '+' : '') + d;
      bindEvidence(bar, title.textContent, [x.c[4]]);
      append(g, [t, bar, n]);
    });
    box.appendChild(g);
  }

  function renderTimelines() {
    renderSlipsChart();
    var box = clear($('timelines'));
    var T = DATA.timeline;
    $('timeline-legend').textContent = '';
    append($('timeline-legend'), [el('span', { class: 'legend-title' }, 'Legenda:'),
      el('span', null, '● moment'), el('span', null, '▬ periode (maand, kwartaal, jaar)'),
      el('span', null, '○→ verschoven planning: van oude naar nieuwe datum'),
      el('span', null, '┊ vandaag')]);
    if (!T.length) { box.appendChild(el('p', { class: 'note' }, 'Er zijn geen gedateerde gebeurtenissen gevonden.')); return; }
    var lo = Infinity, hi = -Infinity;
    T.forEach(function (r) {
      r.events.forEach(function (e) { lo = Math.min(lo, parseISO(e[1])); hi = Math.max(hi, parseISO(e[2])); });
      r.changes.forEach(function (c) { [parseISO(c[1]), parseISO(c[2])].forEach(function (t) { lo = Math.min(lo, t); hi = Math.max(hi, t); }); });
    });
    var DAY = 86400000;
    var y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear() + 1;
    lo = Date.UTC(y0, 0, 1); hi = Date.UTC(y1, 0, 1);
    var W = 1100, GUT = 170, PAD = 16, LANE = 26, AXIS = 26;
    function x(t) { return GUT + (t - lo) / (hi - lo) * (W - GUT - PAD); }
    var step = Math.max(1, Math.ceil((y1 - y0) / 14));
    var order = LBL.eventOrder;
    var today = Date.now();

    T.forEach(function (r, ri) {
      var region = REGIONS[r.region];
      var lanes = order.filter(function (ev) { return r.events.some(function (e) { return e[0] === ev; }); });
      r.events.forEach(function (e) { if (lanes.indexOf(e[0]) < 0) lanes.push(e[0]); });
      var nLanes = lanes.length + r.changes.length;
      var H = nLanes * LANE + AXIS + 8;
      var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', class: 'timeline', role: 'group',
        'aria-label': 'Tijdlijn ' + region.name });
      var mid = 'arrow-' + ri;
      s.appendChild(svg('defs', null, svg('marker', { id: mid, viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '11', markerHeight: '11', orient: 'auto-start-reverse' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))));
      for (var yr = y0; yr <= y1; yr += step) {
        var gx = x(Date.UTC(yr, 0, 1));
        s.appendChild(svg('line', { x1: gx, x2: gx, y1: 0, y2: nLanes * LANE, class: 'grid' }));
        s.appendChild(svg('text', { x: gx, y: nLanes * LANE + 16, class: 'tick', 'text-anchor': 'middle' }, String(yr)));
      }
      if (today > lo && today < hi) {
        s.appendChild(svg('line', { x1: x(today), x2: x(today), y1: 0, y2: nLanes * LANE, class: 'today' }));
      }
      lanes.forEach(function (ev, li) {
        var y = li * LANE + LANE / 2;
        if (li % 2 === 0) s.appendChild(svg('rect', { x: 0, y: li * LANE, width: W, height: LANE, class: 'lane-bg' }));
        s.appendChild(svg('text', { x: 8, y: y + 4, class: 'lane-label' }, LBL.events[ev] || ev));
        r.events.forEach(function (e) {
          if (e[0] !== ev) return;
          var a = x(parseISO(e[1])), b = x(parseISO(e[2]) + DAY);
          var label = (LBL.events[ev] || ev) + ': ' + fmtInterval(e[1], e[2]) + (e[3].length > 1 ? ' (' + e[3].length + ' vermeldingen)' : '');
          var mark = (b - a) < 6
            ? svg('circle', { cx: a, cy: y, r: 5, class: 'ev ev-' + ev })
            : svg('rect', { x: a, y: y - 5, width: b - a, height: 10, rx: 3, class: 'ev ev-' + ev });
          mark.appendChild(svg('title', null, label));
          bindEvidence(mark, region.name + ' · ' + label, e[3]);
          s.appendChild(mark);
        });
      });
      r.changes.forEach(function (c, ci) {
        var li = lanes.length + ci, y = li * LANE + LANE / 2;
        if (li % 2 === 0) s.appendChild(svg('rect', { x: 0, y: li * LANE, width: W, height: LANE, class: 'lane-bg' }));
        s.appendChild(svg('text', { x: 8, y: y + 4, class: 'lane-label' }, 'Planwijziging'));
        var a = x(parseISO(c[1])), b = x(parseISO(c[2]));
        var shift = c[3] === null ? '' : (c[3] > 0 ? '+' : '') + c[3] + ' dagen';
        var label = (c[0] || 'planning') + ': ' + fmtDate(c[1]) + ' → ' + fmtDate(c[2]) + (shift ? ' (' + shift + ')' : '');
        var g = svg('g', { class: 'change ' + (c[3] < 0 ? 'earlier' : 'later') });
        g.appendChild(svg('title', null, label));
        g.appendChild(svg('circle', { cx: a, cy: y, r: 4, class: 'from' }));
        g.appendChild(svg('line', { x1: a, y1: y, x2: b, y2: y, 'marker-end': 'url(#' + mid + ')' }));
        var tx = Math.max(a, b) + 8, anchor = 'start';
        if (tx > W - 90) { tx = Math.min(a, b) - 8; anchor = 'end'; }
        g.appendChild(svg('text', { x: tx, y: y + 4, 'text-anchor': anchor, class: 'shift' }, shift || 'verschoven'));
        bindEvidence(g, region.name + ' · ' + label, [c[4]]);
        s.appendChild(g);
      });
      var dates = r.events.length, changes = r.changes.length;
      box.appendChild(el('section', { class: 'timeline-block', 'aria-label': region.name },
        el('h3', null, region.name, el('span', { class: 'note' }, ' ' + plural(dates, 'moment', 'momenten') + ', ' + plural(changes, 'planwijziging', 'planwijzigingen'))),
        s));
    });
  }

  // ------------------------------------------------------------------ decisions
  function renderDecisions() {
    var filters = clear($('decision-filters'));
    var regionSel = select('decision-region', 'Regio', regionOptions("Alle regio's"), draw);
    filters.appendChild(regionSel.wrap);
    var statuses = ['taken', 'planned', 'proposed'];
    var rows = [];
    var listTable = null;

    function draw() {
      var ri = regionSel.input.value === '' ? -1 : +regionSel.input.value;
      rows = DATA.decisions.filter(function (d) { return ri < 0 || DOCS[FACTS[d[0]][F_DOC]].regions.indexOf(ri) >= 0; });
      var byActor = {};
      rows.forEach(function (d) {
        var a = byActor[d[1]] || (byActor[d[1]] = { taken: [], planned: [], proposed: [], other: [] });
        (a[d[2]] || a.other).push(d[0]);
      });
      var box = clear($('decisions'));
      if (!rows.length) { box.appendChild(el('p', { class: 'note' }, 'Geen besluiten gevonden.')); }
      else {
        var head = el('tr', null, el('th', { scope: 'col' }, 'Wie besluit'));
        statuses.forEach(function (s) { head.appendChild(el('th', { scope: 'col', class: 'num' }, LBL.decisionStatus[s])); });
        head.appendChild(el('th', { scope: 'col', class: 'num' }, 'Totaal'));
        var body = el('tbody');
        var actorIds = Object.keys(LBL.actors).filter(function (a) { return byActor[a]; })
          .concat(Object.keys(byActor).filter(function (a) { return !LBL.actors[a]; }));
        actorIds.forEach(function (a) {
          var name = LBL.actors[a] || a;
          var tr = el('tr', null, el('th', { scope: 'row' }, name));
          var total = 0;
          statuses.forEach(function (s) {
            var idxs = byActor[a][s];
            total += idxs.length;
            if (!idxs.length) { tr.appendChild(el('td', { class: 'num empty-cell' }, '0')); return; }
            var b = el('button', { type: 'button', class: 'count-btn', 'aria-label': name + ', ' + LBL.decisionStatus[s] + ': ' + idxs.length + ' besluiten tonen' }, String(idxs.length));
            bindEvidence(b, name + ' · ' + LBL.decisionStatus[s], idxs);
            tr.appendChild(el('td', { class: 'num' }, b));
          });
          tr.appendChild(el('td', { class: 'num' }, String(total + byActor[a].other.length)));
          body.appendChild(tr);
        });
        box.appendChild(el('table', { class: 'data decisions-table' },
          el('caption', null, 'Aantal besluiten per bestuurslaag en status'), el('thead', null, head), body));
      }
      box.appendChild(el('h3', null, 'Alle besluiten'));
      var listBox = el('div'), pagerBox = el('div');
      append(box, [listBox, pagerBox]);
      listTable = pagedTable(listBox, pagerBox, {
        caption: 'Besluiten', count: function () { return rows.length; },
        columns: [{ label: 'Wie' }, { label: 'Status' }, { label: 'Besluit' }, { label: 'Bron' }],
        row: function (i) {
          var d = rows[i], f = FACTS[d[0]];
          return el('tr', null, el('td', null, LBL.actors[d[1]] || d[1]), el('td', null, LBL.decisionStatus[d[2]] || d[2] || '—'),
            el('td', null, el('div', null, f[F_SUM]), el('div', { class: 'quote' }, passage(d[0], 80))),
            el('td', null, el('a', { href: factHref(d[0]) }, docName(f[F_DOC])), f[F_PAGE] ? ', p. ' + f[F_PAGE] : ''));
        }
      });
    }
    draw();
  }

  // ------------------------------------------------------------------ all facts
  function renderFacts() {
    var filters = clear($('fact-filters'));
    var search = el('input', { id: 'fact-search', type: 'search', placeholder: 'bijv. lumpsum, gunning, Nieuwegein', autocomplete: 'off' });
    filters.appendChild(el('div', { class: 'field grow' }, el('label', { for: 'fact-search' }, 'Zoeken in feiten'), search));
    var present = {};
    FACTS.forEach(function (f) { present[f[F_TYPE]] = 1; });
    var typeSel = select('fact-type', 'Soort', [['', 'Alle soorten']].concat(
      TYPES.concat(Object.keys(present).filter(function (t) { return TYPES.indexOf(t) < 0; }))
        .filter(function (t) { return present[t]; }).map(function (t) { return [t, typeLabel(t)]; })), update);
    var regionSel = select('fact-region', 'Regio', regionOptions("Alle regio's"), update);
    var docSel = select('fact-doc', 'Document', [['', 'Alle documenten']].concat(DOCS.map(function (d, i) { return [String(i), docName(i)]; })), update);
    var reset = el('button', { type: 'button', class: 'secondary', id: 'fact-reset' }, 'Filters wissen');
    append(filters, [typeSel.wrap, regionSel.wrap, docSel.wrap, el('div', { class: 'field' }, el('span', { class: 'label-spacer' }, '\u00a0'), reset)]);

    var hay = null;  // lower-cased search text per fact, built on first search
    var shown = [];
    function buildHay() {
      hay = new Array(FACTS.length);
      for (var i = 0; i < FACTS.length; i++) {
        var f = FACTS[i];
        hay[i] = (typeLabel(f[F_TYPE]) + ' ' + f[F_TEXT] + ' ' + f[F_SUM] + ' ' + docName(f[F_DOC]) + ' ' +
          DOCS[f[F_DOC]].id + ' ' + regionNames(f[F_DOC])).toLowerCase();
      }
    }
    function update() {
      var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (terms.length && !hay) buildHay();
      var t = typeSel.input.value, ri = regionSel.input.value === '' ? -1 : +regionSel.input.value;
      var di = docSel.input.value === '' ? -1 : +docSel.input.value;
      shown = [];
      for (var i = 0; i < FACTS.length; i++) {
        var f = FACTS[i];
        if (t && f[F_TYPE] !== t) continue;
        if (di >= 0 && f[F_DOC] !== di) continue;
        if (ri >= 0 && DOCS[f[F_DOC]].regions.indexOf(ri) < 0) continue;
        var ok = true;
        for (var k = 0; k < terms.length && ok; k++) ok = hay[i].indexOf(terms[k]) >= 0;
        if (ok) shown.push(i);
      }
      $('fact-count').textContent = shown.length === FACTS.length
        ? plural(FACTS.length, 'feit', 'feiten')
        : plural(shown.length, 'feit', 'feiten') + ' van ' + FACTS.length.toLocaleString('nl-NL');
      if (table) table.refresh(true);
    }
    var timer = null;
    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 120); });
    reset.addEventListener('click', function () {
      search.value = ''; typeSel.input.value = ''; regionSel.input.value = ''; docSel.input.value = ''; update();
    });
    var table = null;
    update();
    table = pagedTable($('fact-table'), $('fact-pager'), {
      caption: 'Feiten met hun bronpassage', cls: 'facts', count: function () { return shown.length; },
      empty: 'Geen feiten gevonden met deze zoekterm of filters.',
      columns: [{ label: 'Soort' }, { label: 'Regio' }, { label: 'Document' }, { label: 'Gevonden tekst' }, { label: 'Waarde' }, { label: 'Passage' }],
      row: function (i) {
        var fi = shown[i], f = FACTS[fi];
        return el('tr', { 'data-fact': fi },
          el('td', null, el('span', { class: 'tag t-' + f[F_TYPE] }, typeLabel(f[F_TYPE]))),
          el('td', null, regionNames(f[F_DOC])),
          el('td', null, el('a', { href: factHref(fi), title: 'Toon deze passage in het document' }, docName(f[F_DOC])), f[F_PAGE] ? el('div', { class: 'note' }, 'pagina ' + f[F_PAGE]) : ''),
          el('td', { class: 'fact-text' }, f[F_TEXT]),
          el('td', null, f[F_SUM]),
          el('td', { class: 'quote' }, passage(fi, 90)));
      }
    });
  }

  // ------------------------------------------------------------------ document view
  var currentDoc = -1, marksByFact = {};
  var docSelect = null;
  function renderDocumentShell() {
    var filters = clear($('doc-filters'));
    var sel = select('doc-select', 'Document', DOCS.map(function (d, i) {
      return [String(i), docName(i) + (d.title ? ' (' + d.id + ')' : '') + (d.status === 'failed' ? ' — niet gelezen' : '')];
    }), function () { location.hash = docHref(+sel.input.value); });
    sel.wrap.classList.add('grow');
    filters.appendChild(sel.wrap);
    docSelect = sel.input;
    var legend = clear($('doc-legend'));
    legend.appendChild(el('span', { class: 'legend-title' }, 'Markeringen tonen:'));
    TYPES.forEach(function (t) {
      var id = 'show-' + t;
      var cb = el('input', { type: 'checkbox', id: id, checked: true });
      cb.addEventListener('change', function () { $('doc-text').classList.toggle('hide-' + t, !cb.checked); });
      legend.appendChild(el('label', { for: id, class: 'toggle' }, cb, ' ', el('span', { class: 'tag t-' + t }, typeLabel(t))));
    });
  }

  function renderDocument(di) {
    currentDoc = di;
    marksByFact = {};
    docSelect.value = String(di);
    var d = DOCS[di], box = clear($('doc-text')), side = clear($('doc-facts'));
    box.appendChild(el('h3', null, docName(di)));
    box.appendChild(el('p', { class: 'note' }, [d.id, d.format, d.year, d.pages ? d.pages + " pagina's" : '', 'regio: ' + regionNames(di)].filter(Boolean).join(' · ')));
    if (d.status === 'failed') {
      box.appendChild(el('div', { class: 'alert' }, el('strong', null, 'Dit document kon niet worden gelezen. '), 'Reden: ' + (d.error || 'onbekend')));
    }
    var text = TEXTS[di];
    var idxs = factsByDoc[di];
    if (typeof text !== 'string') {
      box.appendChild(el('p', { class: 'note' }, 'De tekst van dit document is niet in het rapport opgenomen.'));
    } else {
      box.appendChild(highlightedText(text, idxs));
    }
    // Side list of this document's facts, grouped by type.
    side.appendChild(el('h3', null, plural(idxs.length, 'feit', 'feiten') + ' in dit document'));
    TYPES.forEach(function (t) {
      var mine = idxs.filter(function (fi) { return FACTS[fi][F_TYPE] === t; });
      if (!mine.length) return;
      var ul = el('ul', { class: 'fact-list' });
      mine.slice(0, 300).forEach(function (fi) {
        var f = FACTS[fi];
        ul.appendChild(el('li', null, el('a', { href: factHref(fi) }, el('span', { class: 'fl-text' }, f[F_TEXT]), el('span', { class: 'fl-sum' }, f[F_SUM]))));
      });
      if (mine.length > 300) ul.appendChild(el('li', { class: 'note' }, 'en ' + (mine.length - 300) + ' meer (zie Alle feiten)'));
      side.appendChild(el('details', { open: mine.length <= 40 }, el('summary', null, el('span', { class: 'tag t-' + t }, typeLabel(t)), ' ' + mine.length), ul));
    });
  }

  /* The text split at every fact boundary; each piece covered by facts becomes a <mark>
   * of the innermost (shortest) fact's type, listing all facts that cover it. */
  function highlightedText(text, idxs) {
    var pre = el('div', { class: 'doc-body' });
    var valid = idxs.filter(function (fi) {
      var f = FACTS[fi];
      return typeof f[F_START] === 'number' && typeof f[F_END] === 'number' && f[F_START] >= 0 && f[F_END] <= text.length && f[F_START] < f[F_END];
    });
    var cuts = [0, text.length];
    valid.forEach(function (fi) { cuts.push(FACTS[fi][F_START], FACTS[fi][F_END]); });
    cuts.sort(function (a, b) { return a - b; });
    var bounds = cuts.filter(function (c, i) { return i === 0 || c !== cuts[i - 1]; });
    var byStart = valid.slice().sort(function (a, b) { return FACTS[a][F_START] - FACTS[b][F_START]; });
    var next = 0, active = [];
    for (var k = 0; k < bounds.length - 1; k++) {
      var a = bounds[k], b = bounds[k + 1];
      active = active.filter(function (fi) { return FACTS[fi][F_END] > a; });
      var starting = [];
      while (next < byStart.length && FACTS[byStart[next]][F_START] <= a) { starting.push(byStart[next]); active.push(byStart[next]); next++; }
      var piece = text.slice(a, b);
      if (!active.length) { pre.appendChild(document.createTextNode(piece)); continue; }
      var inner = active.reduce(function (best, fi) {
        return (FACTS[fi][F_END] - FACTS[fi][F_START]) < (FACTS[best][F_END] - FACTS[best][F_START]) ? fi : best;
      }, active[0]);
      var covering = active.slice();
      var mark = el('mark', { class: 'hl t-' + FACTS[inner][F_TYPE], tabindex: '0',
        title: covering.map(function (fi) { return typeLabel(FACTS[fi][F_TYPE]) + ': ' + FACTS[fi][F_SUM]; }).join('\n') }, piece);
      covering.forEach(function (fi) { (marksByFact[fi] || (marksByFact[fi] = [])).push(mark); });
      starting.forEach(function (fi, j) {
        if (j === 0) mark.id = 'f' + fi;
        else pre.appendChild(el('span', { id: 'f' + fi, class: 'anchor' }));
      });
      (function (m, cov) {
        m.addEventListener('click', function () { showEvidence('Feiten op deze plek', cov, m); });
        m.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') showEvidence('Feiten op deze plek', cov, m); });
      })(mark, covering);
      pre.appendChild(mark);
    }
    return pre;
  }

  function openDocument(params) {
    var di = params.get('document') ? docById[params.get('document')] : undefined;
    if (di === undefined) di = currentDoc >= 0 ? currentDoc : 0;
    if (!DOCS.length) { clear($('doc-text')).appendChild(el('p', { class: 'note' }, 'Geen documenten.')); return; }
    if (di !== currentDoc) renderDocument(di);
    document.querySelectorAll('mark.target').forEach(function (m) { m.classList.remove('target'); });
    var fi = params.get('feit');
    if (fi !== null && marksByFact[fi]) {
      marksByFact[fi].forEach(function (m) { m.classList.add('target'); });
      var first = marksByFact[fi][0];
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
    }
  }

  // ------------------------------------------------------------------ extra tables
  /* The comparison tables of models/tables.py: one at a time, chosen from a list; filter by any
     word, sort by clicking a column header (again: descending), download what is shown as CSV. */
  var FORMULA_START = /^[=+\-@\t\r]/;
  function csvCell(v) {
    var s = v === null || v === undefined ? '' : String(v);
    if (FORMULA_START.test(s)) s = "'" + s;  // a document's text never runs as a formula
    return /[";\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCSV(columns, rows) {
    /* Dutch Excel: ';' between cells and a BOM so the accents come out right. */
    return '\ufeff' + [columns].concat(rows).map(function (r) { return r.map(csvCell).join(';'); }).join('\r\n') + '\r\n';
  }
  function compareCells(a, b) {
    var na = parseFloat(a), nb = parseFloat(b);
    if (/^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) return na - nb;
    if (a === '' && b !== '') return 1;
    if (b === '' && a !== '') return -1;
    return a.localeCompare(b, 'nl');
  }
  function renderTables() {
    var box = clear($('tables'));
    var sel = select('table-select', 'Tabel', DATA.tables.map(function (t, i) {
      return [String(i), t.name + ' (' + t.total.toLocaleString('nl-NL') + ' rijen)'];
    }), function () { show(+sel.input.value); });
    var search = el('input', { type: 'search', id: 'table-filter', placeholder: 'woord in een cel' });
    var searchWrap = el('label', null, 'Filter', search);
    var download = el('button', { type: 'button', class: 'secondary', id: 'table-download' }, 'Download CSV (Excel)');
    var holder = el('div', { class: 'scroll-x' }), pagerBox = el('div'), note = el('p', { class: 'note', id: 'table-note' });
    append(box, [el('div', { class: 'filters' }, [sel.wrap, searchWrap, download]), note, holder, pagerBox]);
    var state = { ti: 0, order: [], sortCol: null, desc: false };
    function visible() {
      var t = DATA.tables[state.ti], q = search.value.trim().toLowerCase();
      var idx = [];
      t.rows.forEach(function (r, i) { if (!q || r.join(' ').toLowerCase().indexOf(q) >= 0) idx.push(i); });
      if (state.sortCol !== null) {
        var c = state.sortCol;
        idx.sort(function (a, b) { return (state.desc ? -1 : 1) * compareCells(t.rows[a][c] || '', t.rows[b][c] || '') || a - b; });
      }
      return idx;
    }
    function describe() {
      var t = DATA.tables[state.ti];
      var shown = state.order.length;
      note.textContent = (shown < t.rows.length ? shown.toLocaleString('nl-NL') + ' van ' : '') +
        t.rows.length.toLocaleString('nl-NL') + ' rijen' + (t.total > t.rows.length ? ' (eerste ' + t.rows.length + ' van ' + t.total + ')' : '') +
        (state.sortCol !== null ? ', gesorteerd op ' + t.columns[state.sortCol] + (state.desc ? ' (aflopend)' : '') : '') + '.';
    }
    var table;
    function draw(reset) { state.order = visible(); describe(); table.refresh(reset); }
    function show(ti) {
      state = { ti: ti, order: [], sortCol: null, desc: false };
      var t = DATA.tables[ti];
      var cols = t.columns.map(function (c, ci) {
        return { label: c, onClick: function () {
          state.desc = state.sortCol === ci ? !state.desc : false;
          state.sortCol = ci;
          draw(true);
        } };
      });
      if (t.links) cols.push({ label: 'Bron' });
      state.order = visible();
      table = pagedTable(holder, pagerBox, {
        caption: t.name, cls: 'compare', count: function () { return state.order.length; }, columns: cols,
        row: function (i) {
          var ri = state.order[i];
          var tr = el('tr', null, t.rows[ri].map(function (v) { return el('td', null, v); }));
          if (t.links) {
            var fi = t.links[ri];
            tr.appendChild(el('td', null, fi === null || fi === undefined ? '—' : el('a', { href: factHref(fi) }, 'Toon passage')));
          }
          return tr;
        }
      });
      describe();
    }
    search.addEventListener('input', function () { draw(true); });
    download.addEventListener('click', function () {
      var t = DATA.tables[state.ti];
      var blob = new Blob([toCSV(t.columns, state.order.map(function (ri) { return t.rows[ri]; }))], { type: 'text/csv;charset=utf-8' });
      var a = el('a', { href: URL.createObjectURL(blob), download: (t.file || 'tabel') + '.csv' });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
    if (DATA.tables.length) show(0);
  }

  // ------------------------------------------------------------------ tabs / routing
  var renderers = {
    overzicht: renderOverview, vergelijking: renderMatrix, tijdlijnen: renderTimelines,
    besluiten: renderDecisions, feiten: renderFacts, document: renderDocumentShell, tabellen: renderTables
  };
  var rendered = {};
  /* In a split summary these live on the region pages. */
  var DETAIL_TABS = { tijdlijnen: 1, besluiten: 1, feiten: 1, document: 1, tabellen: 1 };
  function route() {
    var hash = location.hash.replace(/^#/, '');
    var params = new URLSearchParams(hash);
    var tab = hash.split(/[=&]/)[0] || 'overzicht';
    if (!renderers[tab] || (tab === 'tabellen' && !DATA.tables.length) || (SPLIT && DETAIL_TABS[tab])) tab = 'overzicht';
    document.querySelectorAll('main > section.view').forEach(function (s) { s.hidden = s.id !== tab; });
    document.querySelectorAll('#tabs a').forEach(function (a) {
      if (a.getAttribute('data-tab') === tab) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    if (!rendered[tab]) { renderers[tab](); rendered[tab] = true; }
    hideHover();
    if (tab === 'document') { evidence.hidden = true; openDocument(params); }
    else if (hash === tab) window.scrollTo(0, 0);
  }

  var meta = $('report-meta');
  meta.textContent = (DATA.meta.generated ? 'Gemaakt op ' + DATA.meta.generated + ' · ' : '') +
    plural(DOCS.length, 'document', 'documenten') +
    ' · ' + plural(SPLIT ? DATA.meta.factTotal : FACTS.length, 'feit', 'feiten') + ' · automatisch uit de tekst gehaald: controleer het bewijs.';
  if (DATA.tables.length) $('tab-tabellen').hidden = false;
  if (SPLIT) {
    document.querySelectorAll('#tabs a').forEach(function (a) {
      if (DETAIL_TABS[a.getAttribute('data-tab')]) a.parentNode.hidden = true;
    });
  }
  if (DATA.meta.summary) {
    var back = $('report-back');
    append(back, el('a', { href: DATA.meta.summary, id: 'back-to-summary' }, '← Terug naar het overzicht van alle regio\'s'));
    back.hidden = false;
  }
  window.addEventListener('hashchange', route);
  route();
  document.documentElement.setAttribute('data-ready', 'true');
})();
