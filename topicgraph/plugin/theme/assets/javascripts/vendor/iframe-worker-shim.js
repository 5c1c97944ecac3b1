/* Web workers for pages opened from a folder (file://), where browsers refuse them: the worker runs in
   a hidden iframe instead. Adapted from the iframe-worker 1.0.4 shim (MIT, (c) 2020-2022 Martin Donath,
   https://github.com/squidfunk/iframe-worker), which Material's offline plugin loads from a CDN. Unlike
   the original, it writes no inline script into the iframe: the worker's globals come from
   iframe-worker-globals.js, so the site's Content-Security-Policy needs no 'unsafe-inline'. */
"use strict";
(() => {
  const globals = new URL("iframe-worker-globals.js", document.currentScript.src).href;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.relay = (event) => {
        if (event.source !== this.w) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.fail = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return;
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild((this.iframe = iframe));
      const doc = this.w.document;
      doc.open();
      doc.write("<html><body></body></html>");
      doc.close();
      this.ready = new Promise((resolve, reject) => {
        const script = (src, attributes = {}) => new Promise((loaded, failed) => {
          const element = doc.createElement("script");
          Object.assign(element.dataset, attributes);
          element.src = src;
          element.onload = loaded;
          element.onerror = failed;
          doc.body.appendChild(element);
        });
        script(globals, { worker: `${url}` }).then(() => script(`${url}?${Date.now()}`)).then(resolve, reject);
      });
      onmessage = this.relay;
      onerror = this.fail;
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.ready.catch(() => {}).then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
