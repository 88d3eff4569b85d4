// finnews: draws the report's chart from the JSON in #finnews-chart-data with the
// lightweight-charts library inlined above it. No network: everything is in the page.
(function () {
  "use strict";
  var LWC = window.LightweightCharts;
  var box = document.getElementById("finnews-chart");
  var tip = document.getElementById("finnews-chart-tip");
  var source = document.getElementById("finnews-chart-data");
  if (!LWC || !box || !tip || !source) {
    return;
  }
  var data = JSON.parse(source.textContent);

  function signed(v) {
    return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + Math.abs(v).toFixed(2) + "%";
  }
  function level(v) {
    return v.toFixed(2) + "%";
  }
  var locale = { "zh-Hans": "zh-CN", en: "en-US" }[data.lang] || data.lang || "en-US";
  function word(key) {
    return (data.words && data.words[key]) || key;
  }
  function day(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return d.toLocaleDateString(locale, {
      month: "short", day: "numeric", year: "numeric", timeZone: "UTC"
    });
  }

  var chart = LWC.createChart(box, {
    autoSize: true,
    layout: {
      background: { type: "solid", color: "#ffffff" },
      textColor: "#333",
      fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif",
      attributionLogo: true
    },
    grid: { vertLines: { color: "#f0f0f0" }, horzLines: { color: "#f0f0f0" } },
    rightPriceScale: { borderColor: "#ccc", scaleMargins: { top: 0.2, bottom: 0.08 } },
    timeScale: { borderColor: "#ccc", rightOffset: 4 },
    crosshair: { mode: 0 },
    localization: { locale: locale, dateFormat: "MMM dd, yyyy" }
  });

  var apis = {};
  var raw = {};
  var hasPrices = data.series.some(function (s) { return s.pane === "prices"; });
  data.series.forEach(function (s) {
    var pane = s.pane === "rates" && hasPrices ? 1 : 0;
    var api = chart.addSeries(LWC.LineSeries, {
      color: s.color,
      lineWidth: 2,
      lineType: s.step ? 1 : 0,
      title: s.label,
      priceLineVisible: false,
      priceFormat: {
        type: "custom",
        minMove: 0.01,
        formatter: s.pane === "prices" ? signed : level
      }
    }, pane);
    api.setData(s.points.map(function (p) { return { time: p.time, value: p.value }; }));
    apis[s.key] = api;
    raw[s.key] = {};
    s.points.forEach(function (p) { raw[s.key][p.time] = p; });
  });

  var byTime = {};
  var byId = {};
  data.series.forEach(function (s) {
    var mine = data.markers.filter(function (m) { return m.series === s.key; });
    if (!mine.length) {
      return;
    }
    LWC.createSeriesMarkers(apis[s.key], mine.map(function (m) {
      return {
        time: m.time, position: "aboveBar", shape: "circle",
        color: m.color, text: m.number, id: m.id, size: 1
      };
    }));
  });
  data.markers.forEach(function (m) {
    (byTime[m.time] = byTime[m.time] || []).push(m);
    byId[m.id] = m;
  });

  var panes = chart.panes();
  if (panes.length > 1) {
    panes[0].setStretchFactor(3);
    panes[1].setStretchFactor(1);
  }
  chart.timeScale().fitContent();

  function line(parent, text, cls, color) {
    var el = document.createElement("div");
    el.textContent = text;
    if (cls) {
      el.className = cls;
    }
    if (color) {
      el.style.color = color;
    }
    parent.appendChild(el);
    return el;
  }

  function show(param) {
    var x = !param.time ? null :
      param.point ? param.point.x : chart.timeScale().timeToCoordinate(param.time);
    if (x === null || x < 0) {
      tip.hidden = true;
      return;
    }
    var time = typeof param.time === "string" ? param.time :
      param.time.year + "-" + String(param.time.month).padStart(2, "0") + "-" +
      String(param.time.day).padStart(2, "0");
    tip.textContent = "";
    line(tip, day(time), "tip-date");
    data.series.forEach(function (s) {
      var p = raw[s.key][time];
      if (p) {
        var shown = s.pane === "rates" ? level(p.value) :
          signed(p.value) + " (" + word("close") + " " + p.raw.toLocaleString(locale) + ")";
        line(tip, s.label + " " + shown, "", s.color);
      }
    });
    var hovered = param.hoveredInfo ? param.hoveredInfo.objectId : param.hoveredObjectId;
    var here = hovered && byId[hovered] ? [byId[hovered]] : (byTime[time] || []);
    here.forEach(function (m) {
      var block = document.createElement("div");
      block.className = "tip-claim";
      line(block, "#" + m.number + " " + (m.verdict_label || m.verdict) + ": \u201c" +
        m.clause + "\u201d", "tip-verdict", m.color);
      line(block, word("claimed") + " " + m.claimed + ", " + word("data") + " " + m.computed);
      line(block, m.explanation);
      m.receipts.forEach(function (r) { line(block, r, "tip-receipt"); });
      tip.appendChild(block);
    });
    tip.hidden = false;
    var width = box.clientWidth;
    var left = x + 16;
    if (left + tip.offsetWidth > width) {
      left = Math.max(0, x - tip.offsetWidth - 16);
    }
    tip.style.left = left + "px";
    tip.style.top = "8px";
  }

  chart.subscribeCrosshairMove(show);
})();
