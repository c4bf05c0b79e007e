/* The explorer's page: filters, tabs, ECharts charts (PNG), sortable tables (CSV, XLSX). Every figure comes from
   the server's fixed tables (api/table/NAME), which read the marts; the page only lays them out. */
'use strict';

const state = { lang: localStorage.getItem('explorer.lang') || 'zh', dict: null, meta: null, year: null,
  office: null, city: null, propertyType: null, item: null, dimension: 'category', tab: 'overview' };
const charts = [];

const FONT = '"Noto Sans SC", sans-serif';
const RATE = /(_rate|^share|_share|_ci_low|_ci_high)$/;

function t(key) {
  const words = state.dict[state.lang];
  return words[key] ?? state.dict.zh[key] ?? key;
}
function col(name) {
  return (state.dict[state.lang].cols || {})[name] || name;
}
/* codes the marts store (levels, property types, segments, anomalies) in the page's language */
const CODED = new Set(['level', 'property_type', 'dimension', 'segment', 'value_segment', 'anomaly', 'scope']);
function code(value) {
  return value == null ? '' : (state.dict[state.lang].codes || {})[value] || String(value);
}
function pct(value, digits = 2) {
  return value == null ? '' : (value * 100).toFixed(digits) + '%';
}
function fmt(name, value) {
  if (value == null) return '';
  if (typeof value === 'boolean' && name !== 'change_significant') return value ? t('yes') : t('no');
  if (typeof value === 'number' && RATE.test(name)) return pct(value);
  if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(2);
  if (name === 'change_significant') return value ? '★ ' + t('kpi.significant') : '';
  if (name === 'quadrant') return t('quadrant.' + value);
  if (CODED.has(name)) return code(value);
  return String(value);
}
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v != null) node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}
function rowsOf(answer) {
  return answer.rows.map(row => Object.fromEntries(answer.columns.map((c, i) => [c, row[i]])));
}

function query(extra = {}) {
  const params = new URLSearchParams();
  params.set('year', state.year);
  const office = extra.office !== undefined ? extra.office : state.office;
  if (office) params.set('office', office);
  if (state.city) params.set('city', state.city);
  if (state.propertyType) params.set('property_type', state.propertyType);
  for (const [k, v] of Object.entries(extra)) if (k !== 'office' && v != null) params.set(k, v);
  return params.toString();
}
async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(response.status + ' ' + (await response.text()));
  return response.json();
}
function table(name, extra = {}) {
  return getJson('api/table/' + name + '?' + query(extra));
}

/* ---------- cards, charts, tables ---------- */

function card(container, id, titleKey, tools = [], wide = false) {
  const title = el('h2', {}, el('span', {}, t(titleKey)), el('span', { class: 'tools' }, ...tools));
  const body = el('div', { class: 'body' });
  const node = el('div', { class: wide ? 'card wide' : 'card', id: 'card-' + id }, title, body);
  container.append(node);
  return body;
}
function chartCard(container, id, titleKey, option, onClick) {
  let instance;
  const png = el('button', { type: 'button', class: 'png', onclick: () => {
    const link = el('a', { href: instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
      download: id + '-' + state.year + (state.office ? '-' + state.office : '') + '.png' });
    document.body.append(link); link.click(); link.remove();
  } }, 'PNG');
  const body = card(container, id, titleKey, [png]);
  const div = el('div', { class: 'chart', id: 'chart-' + id });
  body.append(div);
  instance = echarts.init(div, null, { renderer: 'canvas' });
  instance.setOption(Object.assign({ animation: false, textStyle: { fontFamily: FONT },
    grid: { left: 50, right: 110, top: 34, bottom: 70 } }, option));
  if (onClick) instance.on('click', onClick);
  charts.push(instance);
  return instance;
}
function tableCard(container, id, titleKey, name, answer, extra = {}, options = {}) {
  const href = format => 'api/table/' + name + '?' + query(extra) + '&format=' + format;
  const tools = [el('a', { href: href('csv'), class: 'csv', download: '' }, 'CSV'),
    el('a', { href: href('xlsx'), class: 'xlsx', download: '' }, 'XLSX')];
  const body = card(container, id, titleKey, tools, options.wide);
  body.append(renderTable(answer, 'table-' + id, options));
}
function renderTable(answer, id, options = {}) {
  if (!answer.columns.length) return el('div', { class: 'empty' }, t('not_built'));
  if (!answer.rows.length) return el('div', { class: 'empty' }, t('no_data'));
  const columns = options.columns ? options.columns.filter(c => answer.columns.includes(c)) : answer.columns;
  const index = Object.fromEntries(answer.columns.map((c, i) => [c, i]));
  const wrap = el('div', { class: 'table-wrap' });
  const tbl = el('table', { id });
  const head = el('tr');
  const tbody = el('tbody');
  let sorted = { column: null, asc: true };
  const draw = rows => {
    tbody.replaceChildren(...rows.map(row => {
      const tr = el('tr', { class: options.flag && options.flag(row, index) ? 'flag' : '' });
      for (const c of columns) {
        const value = row[index[c]];
        tr.append(el('td', { class: typeof value === 'number' ? 'num' : '', 'data-col': c,
          'data-raw': value == null ? '' : String(value) }, fmt(c, value)));
      }
      return tr;
    }));
  };
  for (const c of columns) {
    const th = el('th', { 'data-col': c, title: c }, col(c));
    th.addEventListener('click', () => {
      sorted = { column: c, asc: sorted.column === c ? !sorted.asc : true };
      head.querySelectorAll('th').forEach(h => h.classList.remove('sorted-asc', 'sorted-desc'));
      th.classList.add(sorted.asc ? 'sorted-asc' : 'sorted-desc');
      const i = index[c];
      draw([...answer.rows].sort((a, b) => {
        const x = a[i], y = b[i];
        if (x == null) return 1; if (y == null) return -1;
        const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
        return sorted.asc ? order : -order;
      }));
    });
    head.append(th);
  }
  tbl.append(el('thead', {}, head), tbody);
  draw(answer.rows);
  wrap.append(tbl);
  return wrap;
}

function rateTooltip(rows, labelOf) {
  return {
    trigger: 'axis', axisPointer: { type: 'shadow' },
    formatter: params => params.map(p => {
      const row = rows[p.dataIndex];
      let text = labelOf(row) + ' · ' + p.seriesName + ': ' + (p.value == null ? '-' : p.value.toFixed(2) + '%');
      if (row && row.satisfaction_rate_ci_low != null && p.seriesIndex === 0) {
        text += ' (' + t('kpi.interval') + ' ' + pct(row.satisfaction_rate_ci_low) + ' – '
          + pct(row.satisfaction_rate_ci_high) + ')';
      }
      return text;
    }).join('<br>')
  };
}
function barOption(rows, labelOf, field, seriesName, line, lineName) {
  const values = rows.map(r => r[field] == null ? null : +(r[field] * 100).toFixed(4));
  const series = { name: seriesName, type: 'bar', data: values, itemStyle: { color: '#2e75b6' },
    label: { show: rows.length <= 16, position: 'top', formatter: p => p.value == null ? '' : p.value.toFixed(1) } };
  if (line != null) {
    series.markLine = { symbol: 'none', data: [{ yAxis: +(line * 100).toFixed(4), name: lineName }],
      label: { formatter: lineName + ' {c}%', position: 'end', color: '#c0392b' },
      lineStyle: { color: '#c0392b' } };
  }
  return {
    tooltip: rateTooltip(rows, labelOf),
    xAxis: { type: 'category', data: rows.map(labelOf), axisLabel: { rotate: rows.length > 8 ? 35 : 0, interval: 0 } },
    // from a round figure a little under the lowest bar, not from 0 (bars of 88% and 92% stay readable) and not
    // from the lowest bar itself (which would make a 2-point gap look like a collapse)
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' },
      min: v => Math.max(0, Math.floor((v.min - 5) / 20) * 20) },
    series: [series]
  };
}

/*
 * One bar per (group, series) pair, the mart's own rate in each: the value segments' satisfaction within each
 * customer category (the marts hold it per category and segment; pooling categories would be a formula the
 * explorer must not compute).
 */
function groupedBarOption(rows, groupOf, seriesOf, field) {
  const groups = [...new Set(rows.map(groupOf))].sort();
  const names = [...new Set(rows.map(seriesOf))];
  const palette = ['#1f4e79', '#2e75b6', '#7fb3e0', '#f0a830', '#c0392b', '#7f8c8d'];
  const series = names.map((name, i) => ({ name, type: 'bar', itemStyle: { color: palette[i % palette.length] },
    data: groups.map(g => {
      const row = rows.find(r => groupOf(r) === g && seriesOf(r) === name);
      return row && row[field] != null ? +(row[field] * 100).toFixed(4) : null;
    }) }));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: params => params.map(p =>
      p.name + ' · ' + p.seriesName + ': ' + (p.value == null ? '-' : p.value.toFixed(2) + '%')).join('<br>') },
    legend: { top: 0, data: names },
    xAxis: { type: 'category', data: groups },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' },
      min: v => Math.max(0, Math.floor((v.min - 5) / 20) * 20) },
    series
  };
}

/* ---------- the tabs ---------- */

async function overview(root) {
  const data = await getJson('api/overview?year=' + state.year);
  const kpis = document.getElementById('kpis');
  const change = (points, significant) => {
    if (points == null) return el('span', {}, t('kpi.none'));
    const sign = points > 0 ? '+' : '';
    const span = el('span', { class: points >= 0 ? 'up' : 'down' },
      t('kpi.vs') + ' ' + sign + points.toFixed(1) + ' ' + t('kpi.points'));
    if (significant != null) {
      span.append(' ', el('span', { class: significant ? 'sig' : '' },
        significant ? '★ ' + t('kpi.significant') : '(' + t('kpi.not_significant') + ')'));
    }
    return span;
  };
  const kpi = (id, label, value, sub, alert) => el('div', { class: 'kpi' + (alert ? ' alert' : ''), id: 'kpi-' + id },
    el('div', { class: 'label' }, t(label)), el('div', { class: 'value' }, value), el('div', { class: 'sub' }, sub));
  const s = data.satisfaction;
  const satSub = el('div', {}, s ? change(s.change_points, s.change_significant) : '');
  if (s && s.satisfaction_rate_ci_low != null) {
    satSub.append(el('div', {}, t('kpi.interval') + ' ' + pct(s.satisfaction_rate_ci_low) + ' – '
      + pct(s.satisfaction_rate_ci_high)));
  }
  const r = data.returns;
  kpis.replaceChildren(
    kpi('satisfaction', 'kpi.satisfaction', s ? pct(s.satisfaction_rate) : '-', satSub),
    kpi('returns', 'kpi.returns', r ? pct(r.company_return_rate) : '-', r ? change(r.change_points) : ''),
    kpi('under', 'kpi.under', String((data.under_threshold || []).length),
      (data.under_threshold || []).map(o => o.office_id).join(' '), (data.under_threshold || []).length > 0),
    kpi('triggers', 'kpi.triggers', String(data.triggers.length), ''),
    kpi('overdue', 'kpi.overdue', String(data.overdue_actions.reduce((n, a) => n + a.overdue, 0)),
      data.overdue_actions.map(a => (a.office_id || t('company')) + '·' + a.area_name).join(' '),
      data.overdue_actions.length > 0));
  const offices = rowsOf(await table('offices', { office: state.office }));
  const returns = await table('returns', { office: state.office });
  const returnRows = rowsOf(returns);
  chartCard(root, 'office-satisfaction', 'chart.office_satisfaction',
    barOption(offices, r => r.office_id, 'satisfaction_rate', t('satisfaction'),
      s ? s.satisfaction_rate : null, t('company_line')));
  const threshold = returnRows.length ? returnRows[0].threshold : null;
  chartCard(root, 'office-returns', 'chart.office_returns',
    barOption(returnRows, r => r.office_id, 'return_rate', col('return_rate'), threshold, t('threshold')));
  tableCard(root, 'returns', 'table.under', 'returns', returns, { office: state.office },
    { columns: ['office_id', 'office_name', 'forms_distributed', 'forms_returned', 'return_rate', 'meets_threshold',
      'anomaly', 'change_points', 'rank'], flag: (row, i) => row[i.meets_threshold] === false });
  tableCard(root, 'triggers', 'table.triggers', 'triggers', await table('triggers', { office: state.office }), {},
    { columns: ['clause', 'trigger', 'office_id', 'evidence_code', 'evidence_text', 'reference_id', 'date'] });
  tableCard(root, 'actions', 'table.overdue', 'actions', await table('actions', { office: state.office }),
    { office: state.office }, { columns: ['office_id', 'area_name', 'actions', 'open', 'overdue', 'closed_on_time',
      'closed_late', 'verified_effective', 'verified_not_effective', 'verification_pending'],
      flag: (row, i) => row[i.overdue] > 0 });
}

function crumbs() {
  const node = document.getElementById('crumbs');
  const parts = [];
  if (!state.meta.office) {
    parts.push(el('a', { id: 'crumb-company', onclick: () => { setOffice(null); state.item = null; render(); } },
      t('company')));
  }
  if (state.office) {
    const office = state.meta.offices.find(o => o.office_id === state.office);
    parts.push(el('a', { id: 'crumb-office', onclick: () => { state.item = null; render(); } },
      state.office + ' ' + (office ? office.office_name : '')));
  }
  if (state.item) parts.push(el('span', { id: 'crumb-item' }, state.item.name));
  node.replaceChildren(...parts.flatMap((p, i) => i ? [' › ', p] : [p]));
}

async function satisfaction(root) {
  crumbs();
  if (state.item) {
    const answer = await table('item_offices', { office: state.meta.office, item: state.item.code });
    const rows = rowsOf(answer);
    chartCard(root, 'item-offices', 'chart.item_offices',
      barOption(rows, r => r.office_id, 'satisfaction_rate', state.item.name, state.item.company, t('company_line')));
    tableCard(root, 'item-offices', 'table.item_offices', 'item_offices', answer,
      { office: state.meta.office, item: state.item.code });
    return;
  }
  const companyItems = state.office && !state.meta.office ? rowsOf(await table('items', { office: null })) : [];
  if (!state.office) {
    const offices = await table('offices');
    const rows = rowsOf(offices);
    chartCard(root, 'offices', 'chart.office_satisfaction',
      barOption(rows, r => r.office_id, 'satisfaction_rate', t('satisfaction'),
        rows.length ? rows[0].company_satisfaction_rate : null, t('company_line')),
      p => { setOffice(rows[p.dataIndex].office_id); render(); });
    tableCard(root, 'offices', 'table.offices', 'offices', offices, {}, { columns: ['office_id', 'office_name', 'city',
      'property_type', 'forms', 'satisfaction_rate', 'satisfaction_rate_ci_low', 'satisfaction_rate_ci_high',
      'change_points', 'change_significant', 'rank', 'gap_points', 'return_rate', 'meets_threshold'] });
  }
  const items = await table('items');
  const itemRows = rowsOf(items);
  const companyRate = code => (companyItems.find(c => c.item === code) || {}).satisfaction_rate;
  chartCard(root, 'items', 'chart.items', barOption(itemRows, r => r.item_name, 'satisfaction_rate', t('satisfaction')),
    p => {
      const row = itemRows[p.dataIndex];
      state.item = { code: row.item, name: row.item_name,
        company: state.office ? companyRate(row.item) ?? null : row.satisfaction_rate };
      render();
    });
  tableCard(root, 'items', 'table.items', 'items', items);
  const levels = await table('levels');
  chartCard(root, 'levels', 'chart.levels', barOption(rowsOf(levels), r => code(r.level), 'satisfaction_rate', t('satisfaction')));
  tableCard(root, 'levels', 'table.levels', 'levels', levels);
  const select = el('select', { id: 'dimension', onchange: e => { state.dimension = e.target.value; render(); } },
    ...state.meta.dimensions.map(d => el('option', { value: d }, code(d))));
  select.value = state.dimension;
  const segments = await table('segments', { dimension: state.dimension });
  const segmentCard = chartCard(root, 'segments', 'chart.segments',
    barOption(rowsOf(segments), r => code(r.segment), 'satisfaction_rate', t('satisfaction')));
  segmentCard.getDom().parentElement.prepend(el('label', {}, t('dimension') + ' ', select));
  tableCard(root, 'segments', 'table.segments', 'segments', segments, { dimension: state.dimension });
  const values = await table('value_segments');
  // the segments from the most to the least valuable, as the packet lists them
  const valueOrder = ['most_valuable', 'high_value', 'steady', 'new', 'at_risk'];
  const rank = r => { const i = valueOrder.indexOf(r.value_segment); return i < 0 ? valueOrder.length : i; };
  const valueRows = rowsOf(values).slice().sort((a, b) => rank(a) - rank(b));
  chartCard(root, 'value-segments', 'chart.value_segments',
    groupedBarOption(valueRows, r => r.category, r => code(r.value_segment), 'satisfaction_rate'));
  tableCard(root, 'value-segments', 'table.value_segments', 'value_segments', values);
}

async function pareto(root) {
  const answer = await table('pareto');
  const rows = rowsOf(answer);
  chartCard(root, 'pareto', 'chart.pareto', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map(r => r.area_name), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: [{ type: 'value', name: col('complaints') },
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: col('complaints'), type: 'bar', data: rows.map(r => ({ value: r.complaints,
        itemStyle: { color: r.main_factor ? '#c0392b' : '#7f97b2' } })) },
      { name: col('cumulative_share'), type: 'line', yAxisIndex: 1,
        data: rows.map(r => +(r.cumulative_share * 100).toFixed(2)),
        markLine: { symbol: 'none', data: [{ yAxis: 80 }], label: { formatter: '80%' } } }]
  });
  tableCard(root, 'pareto', 'table.pareto', 'pareto', answer, {}, { columns: ['rank', 'area_name', 'level', 'complaints',
    'share', 'cumulative_share', 'main_factor', 'has_action', 'corrective_action', 'preventive_action', 'actions',
    'actions_open', 'actions_overdue', 'verified_effective'],
    flag: (row, i) => row[i.main_factor] && !row[i.has_action] });
}

async function needs(root) {
  const answer = await table('needs');
  const rows = rowsOf(answer);
  const kinds = ['complaints', 'service_requests', 'opinions', 'dissatisfied'];
  const levels = [...new Set(rows.map(r => r.level))];
  chartCard(root, 'needs-levels', 'chart.needs_levels', {
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: levels.map(code) }, yAxis: { type: 'value' },
    series: kinds.map(k => ({ name: col(k), type: 'bar', stack: 'needs',
      data: levels.map(l => rows.filter(r => r.level === l).reduce((n, r) => n + (r[k] || 0), 0)) }))
  });
  chartCard(root, 'needs', 'chart.needs', {
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map(r => r.area_name), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value' },
    series: kinds.map(k => ({ name: col(k), type: 'bar', stack: 'needs', data: rows.map(r => r[k] || 0) }))
  });
  tableCard(root, 'needs', 'table.needs', 'needs', answer, {}, { wide: true });
}

async function against(root) {
  const offices = await table('offices', { office: state.meta.office });
  const officeRows = rowsOf(offices);
  const office = state.office || state.meta.office || (officeRows[0] || {}).office_id;
  if (office) {
    const mine = officeRows.find(r => r.office_id === office);
    const answer = await table('against_company', { office });
    const rows = rowsOf(answer);
    const title = mine ? office + ' · ' + col('rank') + ' ' + mine.rank + ' / ' + officeRows.length : office;
    const chart = chartCard(root, 'against', 'chart.against', {
      tooltip: { trigger: 'axis' }, legend: { top: 0 },
      xAxis: { type: 'category', data: rows.map(r => r.item_name), axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, scale: true },
      series: [
        { name: office, type: 'bar', data: rows.map(r => r.satisfaction_rate == null ? null : +(r.satisfaction_rate * 100).toFixed(2)) },
        { name: t('company'), type: 'bar', data: rows.map(r => r.company_satisfaction_rate == null ? null : +(r.company_satisfaction_rate * 100).toFixed(2)) }]
    });
    chart.getDom().parentElement.prepend(el('div', { id: 'against-rank', class: 'note' }, title));
    tableCard(root, 'against', 'table.against', 'against_company', answer, { office });
  }
  const byRank = { columns: offices.columns, rows: [...offices.rows].sort((a, b) =>
    (a[offices.columns.indexOf('rank')] ?? 1e9) - (b[offices.columns.indexOf('rank')] ?? 1e9)) };
  tableCard(root, 'ranking', 'table.ranking', 'offices', byRank, { office: state.meta.office },
    { columns: ['rank', 'office_id', 'office_name', 'satisfaction_rate', 'company_satisfaction_rate', 'gap_points',
      'change_points', 'return_rate'] });
}

async function priorities(root) {
  const answer = await table('priorities');
  const rows = rowsOf(answer);
  const colors = { keep_up: '#1e8449', improve_first: '#c0392b', watch: '#d68910', lower_priority: '#7f8c8d' };
  const quadrants = Object.keys(colors);
  chartCard(root, 'priorities', 'chart.priorities', {
    tooltip: { formatter: p => p.data.name + ': ' + t('importance') + ' ' + p.data.value[0].toFixed(2) + ', '
      + t('satisfaction') + ' ' + p.data.value[1].toFixed(1) + '%' },
    legend: { top: 0, data: quadrants.map(q => t('quadrant.' + q)) },
    xAxis: { type: 'value', name: t('importance'), scale: true },
    yAxis: { type: 'value', name: t('satisfaction'), scale: true, axisLabel: { formatter: '{value}%' } },
    series: quadrants.map((q, n) => ({ name: t('quadrant.' + q), type: 'scatter', symbolSize: 14,
      // the quadrants' borders: the scope's mean importance and its satisfaction rate
      markLine: n || !rows.length ? undefined : { symbol: 'none', lineStyle: { color: '#7f8c8d', type: 'dashed' },
        label: { show: false }, data: [{ xAxis: rows[0].mean_importance },
          { yAxis: +(rows[0].scope_satisfaction_rate * 100).toFixed(4) }].filter(m => Object.values(m)[0] != null) },
      itemStyle: { color: colors[q] }, label: { show: true, position: 'right', formatter: p => p.data.name },
      data: rows.filter(r => r.quadrant === q && r.importance != null && r.satisfaction_rate != null)
        .map(r => ({ name: r.item_name || r.item, value: [r.importance, r.satisfaction_rate * 100] })) }))
  });
  tableCard(root, 'priorities', 'table.priorities', 'priorities', answer, {}, { columns: ['item', 'item_name', 'level',
    'rated', 'satisfaction_rate', 'forms_correlated', 'importance', 'mean_importance', 'scope_satisfaction_rate',
    'quadrant'] });
}

async function sqlTab() {
  document.getElementById('sql-views').textContent = state.meta.views.join(', ');
}
async function runSql() {
  const status = document.getElementById('sql-status');
  const error = document.getElementById('sql-error');
  const result = document.getElementById('sql-result');
  status.textContent = '…';
  const response = await fetch('api/sql', { method: 'POST', headers: { 'Content-Type': 'text/plain' },
    body: document.getElementById('sql-text').value, credentials: 'same-origin' });
  if (response.ok) {
    const answer = await response.json();
    error.hidden = true;
    result.replaceChildren(renderTable(answer, 'table-sql'));
    status.textContent = answer.rows.length + ' ' + t('sql.rows');
  } else {
    error.hidden = false;
    error.textContent = await response.text();
    result.replaceChildren();
    status.textContent = String(response.status);
  }
}

/* ---------- filters and rendering ---------- */

function setOffice(office) {
  state.office = office;
  document.getElementById('office').value = office || '';
}
function fillFilters() {
  const m = state.meta;
  const year = document.getElementById('year');
  year.replaceChildren(...m.years.map(y => el('option', { value: y }, String(y))));
  year.value = state.year;
  const visible = m.offices.filter(o => (!state.city || o.city === state.city)
    && (!state.propertyType || o.property_type === state.propertyType));
  const office = document.getElementById('office');
  office.replaceChildren(...(m.office ? [] : [el('option', { value: '' }, t('company'))]),
    ...visible.map(o => el('option', { value: o.office_id }, o.office_id + ' ' + o.office_name)));
  office.value = state.office || '';
  office.disabled = !!m.office;
  const distinct = key => [...new Set(m.offices.map(o => o[key]).filter(v => v != null))].sort();
  for (const [id, key, current] of [['city', 'city', state.city], ['property_type', 'property_type', state.propertyType]]) {
    const select = document.getElementById(id);
    select.replaceChildren(el('option', { value: '' }, t('all')),
      ...distinct(key).map(v => el('option', { value: v }, code(v))));
    select.value = current || '';
  }
}
function translate() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  document.getElementById('language').textContent = t('language');
}
let rendering = Promise.resolve();
function render() {
  rendering = rendering.then(renderNow, renderNow);
  return rendering;
}
async function renderNow() {
  document.body.dataset.ready = 'false';
  translate();
  fillFilters();
  charts.splice(0).forEach(c => c.dispose());
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === state.tab));
  document.querySelectorAll('.tab').forEach(s => s.classList.toggle('active', s.id === 'tab-' + state.tab));
  const containers = { overview: 'overview-cards', satisfaction: 'satisfaction-cards', pareto: 'pareto-cards',
    needs: 'needs-cards', against: 'against-cards', priorities: 'priorities-cards' };
  const root = containers[state.tab] ? document.getElementById(containers[state.tab]) : null;
  if (root) root.replaceChildren();
  const views = { overview, satisfaction, pareto, needs, against, priorities, sql: sqlTab };
  try {
    await views[state.tab](root);
  } catch (e) {
    if (root) root.append(el('pre', { class: 'empty', id: 'error' }, String(e.message || e)));
  }
  // a chart takes its box's size when drawn; the cards laid out after it may have narrowed that box
  charts.forEach(c => c.resize());
  document.body.dataset.ready = 'true';
}

async function start() {
  state.dict = await (await fetch('i18n.json')).json();
  try {
    await document.fonts.load('14px "Noto Sans SC"', '满意率'); // the canvas draws with it: load it first
  } catch (e) {
    // the system's font then
  }
  state.meta = await getJson('api/meta');
  state.year = state.meta.years[0];
  state.office = state.meta.office;
  if (state.meta.dimensions.length && !state.meta.dimensions.includes(state.dimension)) {
    state.dimension = state.meta.dimensions[0];
  }
  document.querySelector('[data-tab="priorities"]').hidden = !state.meta.views.includes('item_priorities');
  document.getElementById('year').addEventListener('change', e => { state.year = +e.target.value; render(); });
  document.getElementById('office').addEventListener('change', e => {
    state.office = e.target.value || null; state.item = null; render();
  });
  document.getElementById('city').addEventListener('change', e => { state.city = e.target.value || null; render(); });
  document.getElementById('property_type').addEventListener('change',
    e => { state.propertyType = e.target.value || null; render(); });
  document.getElementById('language').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('explorer.lang', state.lang);
    render();
  });
  document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => {
    state.tab = b.dataset.tab;
    history.replaceState(null, '', '#' + state.tab); // a tab can be bookmarked
    render();
  }));
  const linked = location.hash.slice(1);
  if (document.querySelector('#tabs button[data-tab="' + linked + '"]:not([hidden])')) state.tab = linked;
  document.getElementById('sql-run').addEventListener('click', runSql);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  await render();
}
start();
