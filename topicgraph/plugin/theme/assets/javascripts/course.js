/*
 * Course scripts: the reader's progress (kept in this browser's localStorage only, nothing leaves
 * the machine), quizzes, the syllabus builder, "copy" buttons, tracing chains on the course map and
 * the footer on a reading path.
 *
 * Material swaps pages without reloading them (instant navigation), so every feature starts from
 * document$.subscribe, which fires on the first load and after every swap. All of them enhance
 * HTML that is already useful without JavaScript.
 */
(() => {
  "use strict";

  // Progress store ---------------------------------------------------------------------------------

  const STORE_KEY = "sd-course-progress";
  const STORE_VERSION = 1;

  const emptyProgress = () => ({ version: STORE_VERSION, topics: {} });

  /** A progress object is {version: 1, topics: {id: {done: boolean, note: string, updated?: string}}}. */
  function isProgress(data) {
    if (!data || data.version !== STORE_VERSION || typeof data.topics !== "object" || data.topics === null)
      return false;
    return Object.entries(data.topics).every(([id, entry]) =>
      /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && entry && typeof entry === "object" &&
      typeof entry.done === "boolean" && typeof entry.note === "string");
  }

  function loadProgress() {
    try {
      const data = JSON.parse(localStorage.getItem(STORE_KEY));
      return isProgress(data) ? data : emptyProgress();
    } catch {
      return emptyProgress();  // storage disabled or corrupt: start afresh, never break the page
    }
  }

  function saveProgress(data) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(data));
      return true;
    } catch {
      return false;
    }
  }

  function updateTopic(id, change) {
    const data = loadProgress();
    const entry = data.topics[id] || { done: false, note: "" };
    data.topics[id] = { ...entry, ...change, updated: new Date().toISOString() };
    return saveProgress(data);
  }

  const doneTopics = () =>
    new Set(Object.entries(loadProgress().topics).filter(([, t]) => t.done).map(([id]) => id));

  /** The topic id a link points to, for /topics/<id>/ and the offline build's topics/<id>.html. */
  function topicOf(href) {
    const match = /\/topics\/([a-z0-9-]+)(?:\/(?:index\.html)?|\.html)(?:[?#]|$)/.exec(href || "");
    return match ? match[1] : null;
  }

  // Marks on links, graph nodes and lists -----------------------------------------------------------

  function hiddenText(text) {
    const span = document.createElement("span");
    span.className = "sd-visually-hidden sd-done-label";
    span.textContent = text;
    return span;
  }

  function showDone() {
    const done = doneTopics();
    const goal = loadGoal();
    renderControls(done, goal);
    renderGoal(done, goal);
    renderPathFooter(goal);
    const progress = document.querySelectorAll(".sd-progress");
    // A reader with nothing marked (every first visit) has no marks to add or remove: skip the scan
    // of every link, which is most of this script's start-up time on a long page.
    if (!done.size && !document.querySelector(".sd-done, .sd-graph__node--done")) {
      for (const box of progress) renderProgress(box, done);
      return;
    }
    for (const link of document.querySelectorAll(".md-nav__link[href], article li > a[href]")) {
      if (link.hash) continue;  // a section of a page (the table of contents), not the topic itself
      const id = topicOf(link.href);
      if (!id) continue;
      const isDone = done.has(id);
      link.classList.toggle("sd-done", isDone);
      const label = link.querySelector(".sd-done-label");
      if (isDone && !label) link.append(hiddenText(" (thought through)"));
      if (!isDone && label) label.remove();
    }
    for (const node of document.querySelectorAll("svg a[data-topic]")) {
      const isDone = done.has(node.dataset.topic);
      node.classList.toggle("sd-graph__node--done", isDone);
      const title = node.textContent.trim();
      if (isDone) node.setAttribute("aria-label", `${title} (thought through)`);
      else node.removeAttribute("aria-label");
    }
    for (const box of progress) renderProgress(box, done);
  }

  // The topic card's controls, and the reader's goal on every page ---------------------------------

  const GOAL_KEY = "sd-course-goal";
  const MARK_LABELS = ["Thought through ✓", "Mark as thought through"];  // the reflection's button, pressed or not

  /** A goal is {id, title, path: [[id, title, address from the site's root], ...]}, the topic last. */
  function loadGoal() {
    try {
      const goal = JSON.parse(localStorage.getItem(GOAL_KEY));
      const valid = goal && typeof goal.id === "string" && Array.isArray(goal.path) &&
        goal.path.every((step) => Array.isArray(step) && step.length === 3 && step.every((s) => typeof s === "string"));
      return valid ? goal : null;
    } catch {
      return null;
    }
  }

  function saveGoal(goal) {
    try {
      if (goal) localStorage.setItem(GOAL_KEY, JSON.stringify(goal));
      else localStorage.removeItem(GOAL_KEY);
    } catch { /* storage disabled: the goal lasts as long as the page */ }
  }

  /** The relative address of the site's root on this page (Material's configuration says it). */
  function siteRoot() {
    try {
      return JSON.parse(document.getElementById("__config").textContent).base.replace(/\/?$/, "/");
    } catch {
      return "./";
    }
  }

  function setupCard(card) {
    const controls = card.querySelector(".sd-card__controls");
    const path = JSON.parse(card.dataset.path);
    const id = card.dataset.topic;
    const [, title] = path[path.length - 1];
    card.querySelector(".sd-card__know").addEventListener("click", (event) => {
      updateTopic(id, { done: event.currentTarget.getAttribute("aria-pressed") !== "true" });
      showDone();
    });
    card.querySelector(".sd-card__goal").addEventListener("click", (event) => {
      saveGoal(event.currentTarget.getAttribute("aria-pressed") === "true" ? null : { id, title, path });
      showDone();
    });
    controls.hidden = false;
  }

  function press(button, pressed, on, off) {
    button.setAttribute("aria-pressed", String(pressed));
    button.textContent = pressed ? on : off;
    button.classList.toggle("md-button--primary", pressed);
  }

  /** Every control that shows whether a topic is done, or the goal, as the store now says. */
  function renderControls(done, goal) {
    for (const card of document.querySelectorAll(".sd-card[data-path]")) {
      const id = card.dataset.topic;
      press(card.querySelector(".sd-card__know"), done.has(id), "Known ✓", "I know this");
      press(card.querySelector(".sd-card__goal"), goal?.id === id, "Your goal ✓", "Set as goal");
    }
    for (const block of document.querySelectorAll(".sd-reflection[data-topic]")) {
      press(block.querySelector(".sd-reflection__mark"), done.has(block.dataset.topic), ...MARK_LABELS);
    }
  }

  /** At the top of every page: the goal, how far along its path the reader is, and what to read next. */
  function renderGoal(done, goal) {
    let bar = document.querySelector(".sd-goal");
    const article = document.querySelector("article.md-content__inner");
    if (!goal || !article) {
      bar?.remove();
      return;
    }
    if (!bar) {
      bar = document.createElement("aside");
      bar.className = "sd-goal";
      bar.setAttribute("aria-label", "Your goal");
      article.prepend(bar);
    }
    const root = siteRoot();
    const link = ([, title, address]) => {
      const a = document.createElement("a");
      a.href = root + address;
      a.textContent = title;
      return a;
    };
    const count = goal.path.filter(([id]) => done.has(id)).length;
    const next = goal.path.find(([id]) => !done.has(id));
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "sd-goal__clear";
    clear.textContent = "Clear goal";
    clear.addEventListener("click", () => { saveGoal(null); showDone(); });
    bar.replaceChildren(
      "Your goal: ", link(goal.path[goal.path.length - 1]),
      ` · ${count} of ${goal.path.length} topics done · `,
      ...(next ? ["Next: ", link(next)] : ["goal reached."]),
      " ", clear);
  }

  function renderProgress(box, done) {
    const ids = box.dataset.topics.split(" ");
    const count = ids.filter((id) => done.has(id)).length;
    box.querySelector(".sd-progress__summary").textContent =
      `You have thought through ${count} of ${ids.length} topics.`;
    const bar = box.querySelector("progress");
    bar.max = ids.length;
    bar.value = count;
    renderNext(box, done);
    box.hidden = false;
  }

  const NEXT_SHOWN = 6;

  /** The first topics, in reading order, not yet done and whose prerequisites all are. */
  function renderNext(box, done) {
    const list = box.querySelector(".sd-next__list");
    if (!list) return;
    const ready = [...box.querySelectorAll(".sd-next__all > li")].filter((item) =>
      !done.has(item.dataset.topic) &&
      item.dataset.prerequisites.split(" ").filter(Boolean).every((id) => done.has(id)));
    list.replaceChildren(...ready.slice(0, NEXT_SHOWN).map((item) => item.cloneNode(true)));
    box.querySelector(".sd-next__heading").hidden = !ready.length;
    if (!ready.length) {
      const finished = document.createElement("li");
      finished.textContent = "Nothing left: you have thought through every topic.";
      list.replaceChildren(finished);
    }
  }

  // Reflection: mark as thought through, private note ----------------------------------------------

  function setupReflection(block) {
    const id = block.dataset.topic;
    const controls = block.querySelector(".sd-reflection__controls");
    const button = block.querySelector(".sd-reflection__mark");
    const note = block.querySelector(".sd-reflection__note");
    const status = block.querySelector(".sd-reflection__status");
    const entry = loadProgress().topics[id] || { done: false, note: "" };

    const render = (done) => press(button, done, ...MARK_LABELS);
    render(entry.done);
    note.value = entry.note;
    controls.hidden = false;

    button.addEventListener("click", () => {
      const done = button.getAttribute("aria-pressed") !== "true";
      const saved = updateTopic(id, { done });
      render(done);
      status.textContent = !saved ? "Your browser does not allow saving progress." :
        done ? "Marked as thought through." : "Mark removed.";
      showDone();
    });
    let timer;
    note.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        status.textContent = updateTopic(id, { note: note.value }) ? "Note saved in this browser." :
          "Your browser does not allow saving notes.";
      }, 400);
    });
  }

  // Export and import ------------------------------------------------------------------------------

  function setupTransfer(box) {
    const status = box.querySelector(".sd-transfer__status");
    box.querySelector(".sd-transfer__export").addEventListener("click", () => {
      const blob = new Blob([JSON.stringify(loadProgress(), null, 2)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "security-dilemma-progress.json";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      status.textContent = "Progress exported as security-dilemma-progress.json.";
    });
    box.querySelector(".sd-transfer__import").addEventListener("change", async (event) => {
      const [file] = event.target.files;
      if (!file) return;
      try {
        const data = JSON.parse(await file.text());
        if (!isProgress(data)) throw new Error("not a progress file");
        saveProgress(data);
        const count = Object.values(data.topics).filter((t) => t.done).length;
        status.textContent = `Imported progress: ${count} topics thought through.`;
        showDone();
      } catch {
        status.textContent = "That file is not a progress file exported from this course.";
      }
      event.target.value = "";
    });
    box.hidden = false;
  }

  // Quiz -------------------------------------------------------------------------------------------

  function setupQuestion(fieldset) {
    const actions = fieldset.querySelector(".sd-quiz__actions");
    const check = fieldset.querySelector(".sd-quiz__check");
    const retry = fieldset.querySelector(".sd-quiz__retry");
    const feedback = fieldset.querySelector(".sd-quiz__feedback");
    const answers = fieldset.querySelector(".sd-quiz__answers");
    const radios = [...fieldset.querySelectorAll("input[type=radio]")];
    actions.hidden = false;

    check.addEventListener("click", () => {
      const chosen = radios.find((radio) => radio.checked);
      if (!chosen) {
        feedback.textContent = "Choose an answer first.";
        return;
      }
      const right = chosen.hasAttribute("data-correct");
      feedback.textContent = right ? "Right. Every option is explained below." :
        "Not quite. Every option is explained below; try again if you like.";
      feedback.className = `sd-quiz__feedback ${right ? "sd-quiz__feedback--right" : "sd-quiz__feedback--wrong"}`;
      for (const radio of radios) {
        radio.disabled = true;
        radio.closest("label").classList.toggle("sd-quiz__option--right", radio.hasAttribute("data-correct"));
        radio.closest("label").classList.toggle("sd-quiz__option--wrong", radio === chosen && !right);
      }
      for (const item of answers.querySelectorAll("li"))
        item.classList.toggle("sd-quiz__chosen", item.dataset.option === chosen.value);
      answers.open = true;
      check.hidden = true;
      retry.hidden = false;
      retry.focus();
    });

    retry.addEventListener("click", () => {
      for (const radio of radios) {
        radio.disabled = false;
        radio.checked = false;
        radio.closest("label").classList.remove("sd-quiz__option--right", "sd-quiz__option--wrong");
      }
      for (const item of answers.querySelectorAll("li")) item.classList.remove("sd-quiz__chosen");
      answers.open = false;
      feedback.textContent = "";
      feedback.className = "sd-quiz__feedback";
      retry.hidden = true;
      check.hidden = false;
      radios[0].focus();
    });
  }

  // Copying lists ----------------------------------------------------------------------------------

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement("textarea");  // older browsers, insecure contexts
      area.value = text;
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  // Rich text for editors that take it (an LMS page, a word processor) and the HTML source for those
  // that take plain text. ClipboardItem first; then a copy event that sets both flavours; then text.
  async function copyRich(html, text) {
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard && navigator.clipboard.write) {
      try {
        await navigator.clipboard.write([new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        })]);
        return true;
      } catch {
        // refused (permissions, an insecure context): try the older ways below
      }
    }
    const setBoth = (event) => {
      event.clipboardData.setData("text/html", html);
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
    };
    document.addEventListener("copy", setBoth);
    try {
      if (document.execCommand("copy")) return true;
    } catch {
      // no execCommand: plain text it is
    } finally {
      document.removeEventListener("copy", setBoth);
    }
    return copyText(text);
  }

  function setupCopyButton(button) {
    const status = button.parentElement.querySelector(".sd-copy__status");
    button.addEventListener("click", async () => {
      const ok = await copyText(button.dataset.copy);
      status.textContent = ok ? "Copied." : "Copying failed; select the list and copy it by hand.";
    });
    button.parentElement.hidden = false;
  }

  // Syllabus builder -------------------------------------------------------------------------------

  function setupSyllabus(root) {
    const boxes = [...root.querySelectorAll("input[type=checkbox][data-topic]")];
    const byId = new Map(boxes.map((box) => [box.dataset.topic, box]));
    const output = root.querySelector(".sd-syllabus__output");
    const list = root.querySelector(".sd-syllabus__list");
    const summary = root.querySelector(".sd-syllabus__summary");
    const status = root.querySelector(".sd-syllabus__status");

    const readingList = () => {
      const needed = new Set();
      const visit = (id) => {
        if (needed.has(id) || !byId.has(id)) return;
        needed.add(id);
        for (const prerequisite of byId.get(id).dataset.prerequisites.split(" ").filter(Boolean)) visit(prerequisite);
      };
      for (const box of boxes) if (box.checked) visit(box.dataset.topic);
      // Depth grows along every prerequisite edge, so ordering by depth is a reading order.
      return [...needed].map((id) => byId.get(id).dataset).sort((a, b) =>
        Number(a.depth) - Number(b.depth) || a.title.localeCompare(b.title));
    };

    const formats = {
      markdown: (items) => items.map((t, i) => `${i + 1}. [${t.title}](${t.url}) (${t.minutes} min)`).join("\n"),
      text: (items) => items.map((t, i) => `${i + 1}. ${t.title} (${t.minutes} min): ${t.url}`).join("\n"),
      html: (items) => `<ol>\n${items.map((t) =>
        `  <li><a href="${escapeHtml(t.url).replace(/"/g, "&quot;")}">${escapeHtml(t.title)}</a> (${t.minutes} min)</li>`)
        .join("\n")}\n</ol>`,
    };

    const update = () => {
      const items = readingList();
      const targets = boxes.filter((box) => box.checked).map((box) => box.dataset.topic);
      const url = new URL(location.href);
      if (targets.length) url.searchParams.set("topics", targets.join(","));
      else url.searchParams.delete("topics");
      history.replaceState(history.state, "", url);
      list.replaceChildren(...items.map((t) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = t.url;
        link.textContent = t.title;
        item.append(link, ` · ${t.level} · ${t.minutes} min`);
        return item;
      }));
      const minutes = items.reduce((sum, t) => sum + Number(t.minutes), 0);
      summary.textContent = items.length ?
        `${items.length} topics · about ${minutes} minutes of reading, in this order:` :
        "Choose one or more target topics above.";
      output.dataset.count = String(items.length);
      return items;
    };

    for (const box of boxes) box.addEventListener("change", update);
    for (const button of root.querySelectorAll("[data-format]")) {
      button.addEventListener("click", async () => {
        const items = readingList();
        if (!items.length) {
          status.textContent = "Choose a target topic first.";
          return;
        }
        const format = button.dataset.format;
        const text = format === "link" ? location.href : formats[format](items);
        const copied = format === "html" ? await copyRich(text, text) : await copyText(text);
        status.textContent = copied ? `Copied ${button.textContent.replace(/^Copy /, "")}.` : "Copying failed.";
      });
    }
    const lms = root.querySelector(".sd-syllabus__lms");
    if (lms) setupQuizDownloads(lms, readingList, status);
    const wanted = new URLSearchParams(location.search).get("topics");
    for (const id of (wanted || "").split(",")) if (byId.has(id)) byId.get(id).checked = true;
    root.querySelector(".sd-syllabus__controls").hidden = false;
    output.hidden = false;
    update();
  }

  // Quiz files for a selection --------------------------------------------------------------------
  // topicgraph/lms.py publishes each topic's quiz as pieces of QTI and Moodle XML (lms/quizzes.js);
  // lms-selection.js joins a selection's pieces into a file. Both load when a reader asks for one.

  function loadScript(src, name) {
    if (window[name]) return Promise.resolve(window[name]);
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");  // a script file loads from a folder too; fetch does not
      script.src = src;
      script.onload = () => (window[name] ? resolve(window[name]) : reject(new Error(src)));
      script.onerror = () => reject(new Error(src));
      document.head.append(script);
    });
  }

  function setupQuizDownloads(box, readingList, status) {
    for (const button of box.querySelectorAll("[data-lms]")) {
      button.addEventListener("click", async () => {
        const ids = readingList().map((t) => t.topic);
        if (!ids.length) {
          status.textContent = "Choose a target topic first.";
          return;
        }
        try {
          const [data, quizFile] = await Promise.all([loadScript(box.dataset.script, "topicgraphLms"),
            loadScript(box.dataset.code, "topicgraphQuizFile")]);
          const file = quizFile(data, button.dataset.lms, ids);
          const link = document.createElement("a");
          link.href = URL.createObjectURL(file.blob);
          link.download = file.name;
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(link.href), 10000);
          status.textContent = `Downloaded the quizzes of ${ids.length} topics (${file.name}).`;
        } catch {
          status.textContent = "The quiz files could not be loaded; download the whole course below.";
        }
      });
    }
    box.hidden = false;
  }

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // The footer on a reading path ------------------------------------------------------------------

  // path-footer.js: on a path page, or for a reader on a path (never on a first visit).
  function renderPathFooter(goal) {
    let trail = null;
    try { trail = sessionStorage.getItem("sd-course-trail"); } catch { /* no storage: no trail */ }
    const footer = document.querySelector(".md-footer__inner");
    const rewritten = footer?.querySelector(".sd-footer__link--path, [data-sd-path-added]");
    if (!document.querySelector(".sd-path[data-path]") && !(footer && (trail || goal || rewritten))) return;
    loadScript(`${siteRoot()}assets/javascripts/path-footer.js`, "topicgraphPathFooter")
      .then((render) => render(goal, topicOf(location.href), siteRoot())).catch(() => { /* navigation order */ });
  }

  // Course map: trace a topic's chain ------------------------------------------------------------

  /** Pointing at or focusing a box marks every topic it needs (above it) and leads to (below it). */
  function setupGraphTracing(svg) {
    if (svg.dataset.tracing) return;  // instant navigation can hand back a page already set up
    svg.dataset.tracing = "on";
    const edges = [...svg.querySelectorAll(".sd-graph__edge[data-from][data-to]")];
    const nodes = new Map([...svg.querySelectorAll(".sd-graph__node[data-topic]")].map((n) => [n.dataset.topic, n]));
    const walk = (start, from, to) => {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length) {
        const id = queue.shift();
        for (const edge of edges) {
          if (edge.dataset[from] !== id || seen.has(edge.dataset[to])) continue;
          seen.add(edge.dataset[to]);
          queue.push(edge.dataset[to]);
        }
      }
      return seen;
    };
    const clear = () => {
      svg.classList.remove("sd-graph--tracing");
      svg.querySelectorAll(".sd-graph__node--traced").forEach((n) => n.classList.remove("sd-graph__node--traced"));
      edges.forEach((e) => e.classList.remove("sd-graph__edge--traced"));
    };
    const trace = (id) => {
      clear();
      const above = walk(id, "to", "from");
      const below = walk(id, "from", "to");
      svg.classList.add("sd-graph--tracing");
      for (const topic of new Set([...above, ...below])) nodes.get(topic)?.classList.add("sd-graph__node--traced");
      for (const edge of edges) {
        const { from, to } = edge.dataset;
        if ((above.has(from) && above.has(to)) || (below.has(from) && below.has(to)))
          edge.classList.add("sd-graph__edge--traced");
      }
    };
    for (const [id, node] of nodes) {
      node.addEventListener("pointerenter", () => trace(id));
      node.addEventListener("focus", () => trace(id));
      node.addEventListener("pointerleave", () => { if (document.activeElement !== node) clear(); });
      node.addEventListener("blur", clear);
    }
  }

  /** A map wider than its box opens at its middle, where the top row is. */
  function centreGraph(box) {
    if (box.scrollWidth > box.clientWidth && box.scrollLeft === 0)
      box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
  }

  // Cite this page: the reader's access date -------------------------------------------------------

  function today() {  // the reader's local date, YYYY-MM-DD, as the page writes its other dates
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  }

  function setupCitation(cite) {
    const accessed = cite.querySelector(".sd-cite__accessed");
    if (accessed) {
      const time = document.createElement("time");  // an empty <time> is invalid HTML: made here
      time.dateTime = time.textContent = today();
      accessed.querySelector(".sd-cite__date").replaceWith(time);
      accessed.hidden = false;
    }
  }

  // The RIS record as a file, with the access date (Y2) that only the reader's browser knows.
  function setupRisDownload(button) {
    const record = button.closest(".sd-cite__ris + .sd-copy").previousElementSibling;
    button.addEventListener("click", () => {
      const ris = record.textContent.replace(/^ER {2}- ?$/m, `Y2  - ${today().replace(/-/g, "/")}\nER  - `);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([ris], { type: "application/x-research-info-systems" }));
      link.download = button.dataset.file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    });
  }

  // Start on every page ----------------------------------------------------------------------------

  // A link to the quiz or to one of its questions opens the folded quiz.
  function openQuizForLink() {
    if (!/^#quiz(-\d+)?$/.test(location.hash)) return;
    document.querySelectorAll("details.sd-quiz-fold").forEach((fold) => { fold.open = true; });
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }

  function start() {
    openQuizForLink();
    document.querySelectorAll(".sd-reflection[data-topic]").forEach(setupReflection);
    document.querySelectorAll(".sd-card[data-path]").forEach(setupCard);
    document.querySelectorAll(".sd-transfer").forEach(setupTransfer);
    document.querySelectorAll(".sd-quiz__question").forEach(setupQuestion);
    document.querySelectorAll(".sd-copy__button").forEach(setupCopyButton);
    document.querySelectorAll(".sd-syllabus").forEach(setupSyllabus);
    document.querySelectorAll("svg.sd-course").forEach(setupGraphTracing);
    document.querySelectorAll(".sd-figure--course .sd-figure__scroll").forEach(centreGraph);
    document.querySelectorAll(".sd-cite").forEach(setupCitation);
    document.querySelectorAll(".sd-cite__download[data-file]").forEach(setupRisDownload);
    showDone();
  }

  window.addEventListener("hashchange", openQuizForLink);
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
