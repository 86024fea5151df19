/*
 * The result page's pictures, drawn with Apache ECharts (the echarts-api plugin): a phase timeline per build
 * (.codebuild-spec-timeline) and a batch's graph (#codebuild-spec-batch-graph). Each element carries its data in
 * data-model (JSON written by ResultCharts); the tables below stay the page's text for readers without scripts.
 * Colours are the design library's CSS variables, so a dark theme recolours the pictures too.
 */
(function () {
    'use strict';

    function cssColor(name, fallback) {
        const value = getComputedStyle(document.body).getPropertyValue(name).trim();
        return value || fallback;
    }

    function palette() {
        return {
            SUCCEEDED: cssColor('--success-color', '#1ea64b'),
            FAILED: cssColor('--error-color', '#e6001f'),
            FAULT: cssColor('--purple', '#af52de'),
            TIMED_OUT: cssColor('--warning-color', '#fe820a'),
            STOPPED: cssColor('--medium-grey', '#9ba7af'),
            IN_PROGRESS: cssColor('--accent-color', '#006fe6'),
            text: cssColor('--text-color', '#333'),
            secondary: cssColor('--text-color-secondary', '#888'),
            accent: cssColor('--accent-color', '#006fe6')
        };
    }

    function seconds(millis) {
        return millis < 10000 ? (millis / 1000).toFixed(1) + ' s' : Math.round(millis / 1000) + ' s';
    }

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
    }

    function timeline(element, model, colors) {
        const bars = model.bars;
        element.style.width = '100%';
        element.style.height = (bars.length * 30 + 60) + 'px';
        const chart = echarts.init(element);
        chart.setOption({
            animation: false,
            textStyle: {color: colors.text},
            grid: {left: 10, right: 90, top: 10, bottom: 30, containLabel: true},
            xAxis: {
                type: 'value', min: 0,
                axisLabel: {color: colors.secondary, formatter: v => seconds(v)},
                splitLine: {lineStyle: {color: colors.secondary, opacity: 0.25}}
            },
            yAxis: {
                type: 'category', inverse: true, data: bars.map(b => b.label),
                axisLabel: {color: colors.text, fontStyle: 'normal'},
                axisLine: {lineStyle: {color: colors.secondary}}
            },
            tooltip: {
                trigger: 'item',
                formatter: p => {
                    const b = p.data.bar;
                    return '<b>' + escapeHtml(b.label) + '</b>: ' + b.status + ', ' + seconds(b.end - b.start)
                        + (b.phase ? '<br>during ' + b.phase : '')
                        + (b.context ? '<br>' + escapeHtml(b.context) : '');
                }
            },
            series: [{
                // The offset of each bar: stacked under it, drawn as nothing.
                type: 'bar', stack: 'time', silent: true, itemStyle: {color: 'transparent'},
                data: bars.map(b => b.start)
            }, {
                type: 'bar', stack: 'time', name: 'duration', barMinHeight: 3, barMaxWidth: 20,
                data: bars.map(b => ({
                    value: b.end - b.start,
                    bar: b,
                    itemStyle: {
                        color: colors[b.status] || colors.secondary,
                        opacity: b.kind === 'step' ? 0.75 : 1,
                        decal: b.kind === 'step' ? {symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.5} : null
                    }
                })),
                label: {
                    show: true, position: 'right', color: colors.text,
                    // The context is in the tooltip and in the line under the picture; a label has no room for it.
                    formatter: p => seconds(p.data.bar.end - p.data.bar.start)
                        + (p.data.bar.status !== 'SUCCEEDED' ? ' ' + p.data.bar.status : '')
                }
            }]
        });
        return chart;
    }

    /** Depth of each child: 0 without dependencies, else one more than its deepest dependency. */
    function levels(nodes) {
        const byId = new Map(nodes.map(n => [n.id, n]));
        const depth = new Map();
        function of(id, seen) {
            if (depth.has(id)) {
                return depth.get(id);
            }
            const n = byId.get(id);
            let d = 0;
            if (n && !seen.has(id)) {
                seen.add(id);
                n.dependsOn.forEach(dep => { d = Math.max(d, of(dep, seen) + 1); });
            }
            depth.set(id, d);
            return d;
        }
        nodes.forEach(n => of(n.id, new Set()));
        return depth;
    }

    function batchGraph(element, model, colors) {
        const nodes = model.nodes;
        const critical = model.criticalPath;
        const depth = levels(nodes);
        const rows = new Map();
        const placed = nodes.map(n => {
            const d = depth.get(n.id);
            const row = rows.get(d) || 0;
            rows.set(d, row + 1);
            return {n: n, x: d * 230, y: row * 80};
        });
        const height = Math.max(...Array.from(rows.values())) * 90 + 60;
        element.style.width = '100%';
        element.style.height = Math.max(height, 140) + 'px';
        const onPath = (from, to) => {
            const i = critical.indexOf(to);
            return i > 0 && critical[i - 1] === from;
        };
        const chart = echarts.init(element);
        chart.setOption({
            animation: false,
            tooltip: {
                formatter: p => p.dataType === 'node'
                    ? '<b>' + escapeHtml(p.data.name) + '</b>: ' + p.data.child.status
                        + (p.data.child.millis !== undefined ? ', ' + seconds(p.data.child.millis) : '')
                        + (p.data.child.reason ? '<br>' + escapeHtml(p.data.child.reason) : '')
                        + (critical.includes(p.data.name) ? '<br>on the critical path' : '')
                        + '<br>click for its phases and log'
                    : escapeHtml(p.data.source) + ' \u2192 ' + escapeHtml(p.data.target)
            },
            series: [{
                type: 'graph', layout: 'none', roam: false, symbol: 'roundRect', symbolSize: [170, 50],
                edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10,
                label: {
                    show: true, color: '#fff', fontWeight: 'bold', lineHeight: 18,
                    formatter: p => p.data.name + '\n' + p.data.child.status
                        + (p.data.child.millis !== undefined ? '  ' + seconds(p.data.child.millis) : '')
                },
                data: placed.map(p => ({
                    name: p.n.id, x: p.x, y: p.y, child: p.n, critical: critical.includes(p.n.id),
                    itemStyle: {
                        color: colors[p.n.status] || colors.secondary,
                        borderColor: colors.text,
                        borderWidth: critical.includes(p.n.id) ? 3 : 0
                    }
                })),
                links: nodes.flatMap(n => n.dependsOn.map(dep => ({
                    source: dep, target: n.id, critical: onPath(dep, n.id),
                    lineStyle: onPath(dep, n.id)
                        ? {color: colors.accent, width: 4, type: 'solid', opacity: 1}
                        : {color: colors.secondary, width: 1.5, type: 'dashed', opacity: 0.8}
                })))
            }]
        });
        chart.on('click', p => {
            if (p.dataType === 'node') {
                const log = document.getElementById('log-' + p.data.name);
                if (log) {
                    log.open = true;
                }
                location.hash = 'child-' + p.data.name;
            }
        });
        return chart;
    }

    function draw() {
        if (typeof echarts === 'undefined') {
            return;
        }
        const colors = palette();
        const charts = [];
        document.querySelectorAll('.codebuild-spec-timeline[data-model]').forEach(e => {
            charts.push(timeline(e, JSON.parse(e.getAttribute('data-model')), colors));
        });
        const graph = document.getElementById('codebuild-spec-batch-graph');
        if (graph && graph.getAttribute('data-model')) {
            charts.push(batchGraph(graph, JSON.parse(graph.getAttribute('data-model')), colors));
        }
        window.addEventListener('resize', () => charts.forEach(c => c.resize()));
        document.body.setAttribute('data-codebuild-spec-charts', String(charts.length));
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
