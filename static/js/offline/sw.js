// The service worker of the activists' offline field app (naungan.offline). Loaded by
// /ppatbm/sw.js, which sets self.NAUNGAN_OFFLINE: the scope, the app shell (the forms that
// must open without a connection), our static files (hashed names) and the offline page.
//
// Pages of the scope: network first; a shell form is kept in the cache each time it loads, and
// shown from there without a connection. No other page is ever cached (a report's status or
// an accompaniment brief never lands on the device). Our static files: cache first.
/* global self, caches, fetch, Response, URL */
"use strict";

var CFG = self.NAUNGAN_OFFLINE;
var PREFIX = "naungan-luring-";
var CACHE = PREFIX + CFG.version;

function isShell(path) {
  return CFG.shell.indexOf(path) !== -1;
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      var assets = CFG.assets.map(function (url) {
        return cache.add(url).catch(function () {});
      });
      var shell = CFG.shell.map(function (url) {
        return fetch(url, { credentials: "same-origin" })
          .then(function (response) {
            // A login page (the session has ended) is not the form: not cached.
            if (response.ok && !response.redirected) return cache.put(url, response);
          })
          .catch(function () {});
      });
      return Promise.all(assets.concat(shell));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        if (name.indexOf(PREFIX) === 0 && name !== CACHE) return caches.delete(name);
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

function navigate(request, url) {
  return fetch(request).then(function (response) {
    if (response.ok && !response.redirected && isShell(url.pathname)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname);
    }).then(function (cached) {
      return cached || new Response(CFG.offlinePage, {
        status: 503,
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname.indexOf(CFG.scope) === 0) {
    event.respondWith(navigate(request, url));
    return;
  }
  if (CFG.assets.indexOf(url.pathname) !== -1) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        return cache.match(url.pathname).then(function (hit) { return hit || fetch(request); });
      })
    );
  }
});

// Logout (or a revoked device): the page asks to drop every cached page.
self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "wipe") {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        if (name.indexOf(PREFIX) === 0) return caches.delete(name);
      }));
    }));
  }
});
