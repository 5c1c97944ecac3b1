/* The footer on a reading path. Material's footer links the previous and next page of the
 * navigation; on a topic of the reading path the reader follows (one opened from /paths/<id>/ in
 * this tab, else their goal's), its links lead to the path's previous and next topic and say so.
 * Without JavaScript, or off the path, the footer stays as Material wrote it. course.js loads this
 * file on a path page or for a reader with a path, and calls window.topicgraphPathFooter(goal, here, root).
 */
(() => {
  "use strict";

  const TRAIL_KEY = "sd-course-trail";  // sessionStorage: the reading path this tab last followed

  const isPath = (path) => Array.isArray(path) && path.every((step) =>
    Array.isArray(step) && step.length === 3 && step.every((s) => typeof s === "string"));

  /** The reading path the reader followed from a /paths/<id>/ page in this tab: {id, path}, or null. */
  function loadTrail() {
    try {
      const trail = JSON.parse(sessionStorage.getItem(TRAIL_KEY));
      return trail && typeof trail.id === "string" && isPath(trail.path) ? trail : null;
    } catch {
      return null;
    }
  }

  /** On a reading path page: following one of its topics keeps the path for this tab. */
  function setupTrail(list) {
    if ("sdTrail" in list.dataset) return;  // course.js calls again on every page and change of goal
    list.dataset.sdTrail = "";
    list.addEventListener("click", (event) => {
      if (!event.target.closest("a[href]")) return;
      try {
        sessionStorage.setItem(TRAIL_KEY, JSON.stringify({ id: list.dataset.topic, path: JSON.parse(list.dataset.path) }));
      } catch { /* storage disabled: the footer follows the navigation */ }
    });
  }

  // Material's arrows (material/arrow-left and arrow-right), as its footer draws them.
  const SVG = "http://www.w3.org/2000/svg";
  const ARROWS = {
    prev: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    next: "M4 11v2h12l-5.5 5.5 1.42 1.42L19.84 12l-7.92-7.92L10.5 5.5 16 11z",
  };

  /** A footer link that Material did not write (the first or last page has none on one side). */
  function newFooterLink(footer, direction) {
    const link = document.createElement("a");
    link.className = `md-footer__link md-footer__link--${direction}`;
    link.dataset.sdPathAdded = "";
    const button = document.createElement("div");
    button.className = "md-footer__button md-icon";
    const icon = document.createElementNS(SVG, "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    const arrow = document.createElementNS(SVG, "path");
    arrow.setAttribute("d", ARROWS[direction]);
    icon.append(arrow);
    button.append(icon);
    const title = document.createElement("div");
    title.className = "md-footer__title";
    const label = document.createElement("span");
    label.className = "md-footer__direction";
    const name = document.createElement("div");
    name.className = "md-ellipsis";
    title.append(label, name);
    if (direction === "prev") {
      link.append(button, title);
      footer.prepend(link);
    } else {
      link.append(title, button);
      footer.append(link);
    }
    return link;
  }

  /** Points one footer link at a step of the path ([id, title, address from the site's root]). */
  function pointFooterLink(footer, direction, step, label, root) {
    const link = footer.querySelector(`.md-footer__link--${direction}`) || newFooterLink(footer, direction);
    if (!("sdNavHref" in link.dataset) && !("sdPathAdded" in link.dataset)) {
      link.dataset.sdNavHref = link.getAttribute("href");
      link.dataset.sdNavLabel = link.getAttribute("aria-label") || "";
      link.dataset.sdNavDirection = link.querySelector(".md-footer__direction").textContent.trim();
      link.dataset.sdNavTitle = link.querySelector(".md-ellipsis").textContent.trim();
    }
    link.href = root + step[2];
    link.setAttribute("aria-label", `${label}: ${step[1]}`);
    link.querySelector(".md-footer__direction").textContent = label;
    link.querySelector(".md-ellipsis").textContent = step[1];
    link.classList.add("sd-footer__link--path");
  }

  /** The footer as Material wrote it: after the goal is cleared, or off the path. */
  function restoreFooter(footer) {
    for (const link of footer.querySelectorAll("[data-sd-path-added]")) link.remove();
    for (const link of footer.querySelectorAll("[data-sd-nav-href]")) {
      link.setAttribute("href", link.dataset.sdNavHref);
      link.setAttribute("aria-label", link.dataset.sdNavLabel);
      link.querySelector(".md-footer__direction").textContent = link.dataset.sdNavDirection;
      link.querySelector(".md-ellipsis").textContent = link.dataset.sdNavTitle;
      link.classList.remove("sd-footer__link--path");
      for (const key of ["sdNavHref", "sdNavLabel", "sdNavDirection", "sdNavTitle"]) delete link.dataset[key];
    }
  }

  /** The footer on this page: along the path followed from a path page, else the goal's ({path}), at
   *  the topic `here`; or the navigation's, off both. */
  function render(goal, here, root) {
    document.querySelectorAll(".sd-path[data-path]").forEach(setupTrail);
    const footer = document.querySelector(".md-footer__inner");
    if (!footer) return;
    restoreFooter(footer);
    const route = here && [loadTrail(), goal].find((r) => r && r.path.some(([id]) => id === here));
    if (!route) return;
    const steps = route.path;
    const at = steps.findIndex(([id]) => id === here);
    const target = steps[steps.length - 1][1];
    if (at > 0) pointFooterLink(footer, "prev", steps[at - 1], `Previous on your path to ${target}`, root);
    if (at < steps.length - 1) pointFooterLink(footer, "next", steps[at + 1], `Next on your path to ${target}`, root);
  }

  window.topicgraphPathFooter = render;
})();
