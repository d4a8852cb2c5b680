// The activist's encrypted offline queue (naungan.offline, DESIGN §10 "Offline").
//
// IndexedDB database "naungan-luring": store "meta" holds the queue key and the device's id,
// store "queue" the items. Each item's content (what the activist typed, nothing else) is
// encrypted with AES-GCM-256 under a key made by Web Crypto as a *non-extractable* CryptoKey:
// the page can use it but never read its bytes, and it never leaves the browser. In plain text
// an item keeps only its id (the idempotency key made on the phone), its kind, when it was
// saved and its sync status. The key (and with it everything it encrypted) is dropped on
// logout, once the queue is empty after a sync, when another user signs in on the device, and
// when it is older than NAUNGAN_OFFLINE_MAX_DAYS.
(function () {
  "use strict";

  var DB_NAME = "naungan-luring";
  var DB_VERSION = 1;
  var DAY_MS = 24 * 60 * 60 * 1000;

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function openDb() {
    var req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = function () {
      var db = req.result;
      if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "id" });
    };
    return request(req);
  }

  function done(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onabort = tx.onerror = function () { reject(tx.error); };
    });
  }

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); });
    return [h.slice(0, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10)]
      .map(function (p) { return p.join(""); }).join("-");
  }

  // The item's id and kind are bound to its ciphertext (additional data): an item's content
  // cannot be moved under another id.
  function aad(item) {
    return new TextEncoder().encode(item.id + "|" + item.type);
  }

  function Vault(db, owner, maxDays) {
    this.db = db;
    this.owner = owner;
    this.maxAge = maxDays * DAY_MS;
  }

  Vault.supported = function () {
    return !!(window.indexedDB && window.crypto && crypto.subtle && window.isSecureContext);
  };

  // Open the queue of ``owner`` (an opaque tag of the signed-in user). Returns the vault and
  // why anything was wiped: "owner" (another user's queue was on the device), "expired".
  Vault.open = function (owner, maxDays) {
    return openDb().then(function (db) {
      var vault = new Vault(db, owner, maxDays);
      return vault._meta("key").then(function (key) {
        if (!key) return { vault: vault, wiped: "" };
        var reason = "";
        if (key.owner !== owner) reason = "owner";
        else if (Date.now() - key.createdAt > vault.maxAge) reason = "expired";
        if (!reason) return { vault: vault, wiped: "" };
        return vault.wipe({ device: reason === "owner" }).then(function () {
          return { vault: vault, wiped: reason };
        });
      });
    });
  };

  Vault.prototype._meta = function (name, value) {
    var tx = this.db.transaction("meta", value === undefined ? "readonly" : "readwrite");
    var store = tx.objectStore("meta");
    if (value === undefined) return request(store.get(name));
    if (value === null) store.delete(name);
    else store.put(value, name);
    return done(tx);
  };

  // The queue key of this owner, made on first use (non-extractable: the page cannot read it).
  Vault.prototype._key = function () {
    var self = this;
    return self._meta("key").then(function (found) {
      if (found && found.owner === self.owner) return found.key;
      return crypto.subtle
        .generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"])
        .then(function (key) {
          return self._meta("key", { key: key, owner: self.owner, createdAt: Date.now() })
            .then(function () { return key; });
        });
    });
  };

  // This device's id (made here, sent with each sync; the server registers it) and name.
  Vault.prototype.device = function () {
    var self = this;
    return self._meta("device").then(function (found) {
      if (found && found.owner === self.owner) return found;
      var ua = navigator.userAgent || "";
      var m = ua.match(/\(([^;)]+)[;)]/);
      var browser = /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : "Peramban";
      var device = { id: uuid(), name: browser + (m ? " · " + m[1] : ""), owner: self.owner };
      return self._meta("device", device).then(function () { return device; });
    });
  };

  // Save what the activist typed: a new item with an id made on the phone.
  Vault.prototype.put = function (type, payload) {
    var self = this;
    var item = { id: uuid(), type: type, createdAt: Date.now(), status: "waiting", detail: null };
    return self._key().then(function (key) {
      var iv = crypto.getRandomValues(new Uint8Array(12));
      var plain = new TextEncoder().encode(JSON.stringify(payload));
      return crypto.subtle
        .encrypt({ name: "AES-GCM", iv: iv, additionalData: aad(item) }, key, plain)
        .then(function (data) {
          item.iv = iv;
          item.data = data;
          var tx = self.db.transaction("queue", "readwrite");
          tx.objectStore("queue").put(item);
          return done(tx).then(function () { return item; });
        });
    });
  };

  // The items (their plain-text part only), oldest first; items past the age limit are dropped.
  Vault.prototype.list = function () {
    var self = this;
    var tx = self.db.transaction("queue", "readonly");
    return request(tx.objectStore("queue").getAll()).then(function (items) {
      var now = Date.now();
      var old = items.filter(function (i) { return now - i.createdAt > self.maxAge; });
      var keep = items.filter(function (i) { return now - i.createdAt <= self.maxAge; });
      keep.sort(function (a, b) { return a.createdAt - b.createdAt; });
      if (!old.length) return keep;
      return Promise.all(old.map(function (i) { return self.remove(i.id); })).then(function () {
        keep.expired = old.length;
        return keep;
      });
    });
  };

  Vault.prototype.read = function (item) {
    return this._meta("key").then(function (found) {
      if (!found) throw new Error("no key");
      return crypto.subtle
        .decrypt({ name: "AES-GCM", iv: item.iv, additionalData: aad(item) }, found.key, item.data)
        .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
    });
  };

  Vault.prototype.mark = function (id, status, detail) {
    var tx = this.db.transaction("queue", "readwrite");
    var store = tx.objectStore("queue");
    return request(store.get(id)).then(function (item) {
      if (!item) return done(tx);
      item.status = status;
      item.detail = detail || null;
      store.put(item);
      return done(tx);
    });
  };

  // Remove an item (sent, or discarded by the activist); an empty queue drops its key.
  Vault.prototype.remove = function (id) {
    var self = this;
    var tx = self.db.transaction("queue", "readwrite");
    var store = tx.objectStore("queue");
    store.delete(id);
    var left = store.count();
    return done(tx).then(function () {
      if (left.result === 0) return self._meta("key", null);
    });
  };

  // Wipe the queue and its key (logout, a revoked device, expiry); ``device``: the device's
  // id too (another user signs in on this device).
  Vault.prototype.wipe = function (options) {
    var tx = this.db.transaction(["queue", "meta"], "readwrite");
    tx.objectStore("queue").clear();
    tx.objectStore("meta").delete("key");
    if (options && options.device) tx.objectStore("meta").delete("device");
    return done(tx);
  };

  window.NaunganVault = Vault;
})();
