/* Runs first inside the iframe that iframe-worker-shim.js uses as a web worker: the globals a worker
   script expects (postMessage to its creator, importScripts) and errors reported to the page. */
"use strict";
(() => {
  const worker = document.currentScript.dataset.worker;
  window.postMessage = (data, origin) => parent.postMessage(data, origin || "*");
  window.importScripts = (...urls) => urls.reduce((previous, url) => previous.then(() => new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = resolve;
    document.body.appendChild(script);
  })), Promise.resolve());
  addEventListener("error", ({ error }) => parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error })));
})();
