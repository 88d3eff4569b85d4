// finnews serve: the app's own script (the only script besides the chart's files).
// Everything from an article or a model is put on the page as text, never as HTML.
(function () {
  "use strict";

  var COLOR = /^#[0-9a-fA-F]{6}$/;
  var CITE = /\[\s*(D?\d+(?:\s*[,;]\s*D?\d+)*)\s*\]/g;
  var counter = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  // the page's words in its language (written by the server as JSON), English by default
  var WORDS = {
    too_large: "Too large: at most {limit} kB can be checked at once (this is {size} kB).",
    untitled: "(untitled)",
    date_unknown: "date unknown",
    original: "original",
    engine: "Engine: {engine} \u00b7 data up to {day}",
    failed: "The answer failed: {error}"
  };
  var wordsNode = document.getElementById("finnews-words");
  if (wordsNode) {
    try {
      var given = JSON.parse(wordsNode.textContent);
      Object.keys(WORDS).forEach(function (k) {
        if (typeof given[k] === "string") { WORDS[k] = given[k]; }
      });
    } catch (e) { /* the English words stay */ }
  }

  function say(key, values) {
    return WORDS[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function webUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : "";
  }

  // chart legend: series colours come from data attributes (no inline styles)
  document.querySelectorAll(".legend .swatch[data-color]").forEach(function (node) {
    var color = node.getAttribute("data-color");
    if (COLOR.test(color)) { node.style.backgroundColor = color; }
  });

  // a claim's receipt stays inside the window: shifted left when it would overflow
  function place(event) {
    var mark = event.target.closest ? event.target.closest("mark.claim") : null;
    var tip = mark && mark.querySelector(".receipt");
    if (!tip) { return; }
    tip.style.left = "0px";
    var over = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (over > 0) { tip.style.left = -over + "px"; }
  }
  document.addEventListener("mouseover", place);
  document.addEventListener("focusin", place);

  // check form: say the size limit before sending, not after
  var limit = parseInt(document.body.getAttribute("data-max-body"), 10) || 0;
  document.querySelectorAll("form.check-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var size = new Blob([form.elements.text.value]).size;
      var file = form.elements.file && form.elements.file.files[0];
      if (file) { size += file.size; }
      var box = form.querySelector(".form-error");
      if (limit && size > limit) {
        event.preventDefault();
        box.textContent = say("too_large",
          { limit: Math.floor(limit / 1024), size: Math.ceil(size / 1024) });
        box.hidden = false;
      } else if (box) {
        box.hidden = true;
      }
    });
  });

  // answer text with its [n] / [Dn] markers as links to the answer's own source list
  function citedText(parent, text, prefix) {
    var pos = 0;
    text.replace(CITE, function (whole, ids, at) {
      parent.appendChild(document.createTextNode(text.slice(pos, at)));
      ids.split(/[,;]/).forEach(function (raw) {
        var id = raw.trim();
        var link = el("a", "cite", "[" + id + "]");
        link.href = "#" + prefix + (id.charAt(0) === "D" ? "d" + id.slice(1) : "p" + id);
        parent.appendChild(link);
      });
      pos = at + whole.length;
      return whole;
    });
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function finish(box, answer) {
    var prefix = "a" + (++counter) + "-";
    var text = box.querySelector(".text");
    text.textContent = "";
    citedText(text, answer.text, prefix);
    if (answer.note) { box.appendChild(el("p", "note", answer.note)); }
    var list = el("ol", "answer-sources");
    answer.citations.forEach(function (c) {
      var item = el("li");
      item.id = prefix + "p" + c.n;
      item.appendChild(document.createTextNode("[" + c.n + "] "));
      var link = el("a", "", c.title || WORDS.untitled);
      link.href = "/articles/" + encodeURIComponent(c.article_id);
      item.appendChild(link);
      var when = c.published ? c.published.slice(0, 10) : WORDS.date_unknown;
      item.appendChild(el("span", "meta", " (" + [c.source, when].filter(Boolean).join(", ") + "): "));
      item.appendChild(document.createTextNode(c.text));
      var original = webUrl(c.url);
      if (original) {
        var out = el("a", "meta", " " + WORDS.original);
        out.href = original;
        out.rel = "noopener noreferrer nofollow";
        item.appendChild(out);
      }
      list.appendChild(item);
    });
    answer.receipts.forEach(function (r) {
      var item = el("li", "", "[" + r.id + "] " + r.label + ": " + r.statement + " ");
      item.id = prefix + "d" + r.id.slice(1);
      item.appendChild(el("span", "meta",
        "(" + r.evidence.source + (r.evidence.formula ? "; " + r.evidence.formula : "") + ")"));
      list.appendChild(item);
    });
    answer.flagged.forEach(function (f) {
      list.appendChild(el("li", "note", "\u26a0 " + f.text + ": " + f.reason));
    });
    if (list.children.length) { box.appendChild(list); }
    box.appendChild(el("p", "meta", say("engine", { engine: answer.engine, day: answer.as_of })));
  }

  // server-sent events from a fetch body: "event: name\ndata: json\n\n"
  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function pump() {
      return reader.read().then(function (step) {
        buffer += decoder.decode(step.value || new Uint8Array(), { stream: !step.done });
        var cut;
        while ((cut = buffer.indexOf("\n\n")) !== -1) {
          var block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          var name = "message";
          var data = [];
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event: ") === 0) { name = line.slice(7); }
            if (line.indexOf("data: ") === 0) { data.push(line.slice(6)); }
          });
          onEvent(name, JSON.parse(data.join("\n")));
        }
        if (!step.done) { return pump(); }
      });
    }
    return pump();
  }

  document.querySelectorAll("form.ask-form").forEach(function (form) {
    var answers = form.parentNode.querySelector(".answers");
    var session = null;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = form.elements.question;
      var question = input.value.trim();
      if (!question) { return; }
      var box = el("div", "answer streaming");
      box.appendChild(el("p", "question", question));
      var text = el("div", "text");
      box.appendChild(text);
      answers.insertBefore(box, answers.firstChild);
      var button = form.querySelector("button");
      button.disabled = true;
      var body = { question: question, article_id: form.getAttribute("data-article") || null };
      if (session) { body.session = session; }
      fetch("/api/ask/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (!response.ok) {
          return response.text().then(function (t) { throw new Error(t || response.statusText); });
        }
        return readEvents(response, function (name, data) {
          if (name === "session") { session = data; }
          if (name === "text") { text.appendChild(document.createTextNode(data)); }
          if (name === "answer") { finish(box, data); }
          if (name === "error") { box.appendChild(el("p", "error", data)); }
        });
      }).catch(function (err) {
        box.appendChild(el("p", "error", say("failed", { error: err.message })));
      }).then(function () {
        box.classList.remove("streaming");
        box.classList.add("done");
        button.disabled = false;
        input.value = "";
      });
    });
  });
})();
