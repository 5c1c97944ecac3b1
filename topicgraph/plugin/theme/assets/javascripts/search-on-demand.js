/*
 * Material fetches the search index as soon as a page loads: on a first visit it is over half of
 * what the page transfers, and Material parses and hands it to the search worker on the main
 * thread. Most visits never search. This script runs before Material's and holds that one request
 * until the reader shows an intent to search: pointing at or focusing the search box, opening the
 * search dialog (also by keyboard shortcut or a ?q= link), or arriving from a result (?h=).
 * Material shows "Initializing search" meanwhile and runs any query typed once the index is in.
 * Every other request goes out untouched.
 */
(() => {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const held = [];
  let released = false;

  function release() {
    if (released) return;
    released = true;
    for (const send of held.splice(0)) send();
  }

  const { open, send } = XMLHttpRequest.prototype;
  const isIndex = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(url, document.baseURI).pathname)) isIndex.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (released || !isIndex.has(this)) return send.apply(this, args);
    held.push(() => send.apply(this, args));
  };

  const SEARCH = "[data-md-component=search], label[for=__search]";
  const intends = (event) => event.target instanceof Element && event.target.closest(SEARCH);
  for (const type of ["pointerover", "focusin", "touchstart"])
    document.addEventListener(type, (event) => intends(event) && release(), { passive: true });
  document.addEventListener("change", (event) => event.target.matches("[data-md-toggle=search]") && release());

  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) release();
})();
