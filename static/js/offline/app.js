// The activist pages as an offline field app (naungan.offline): registers the service worker,
// saves the shell forms into the encrypted queue (vault.js) instead of posting them, sends the
// queue to the session sync (/ppatbm/luring/kirim/, the shape of POST /api/v1/sync) when the
// phone is online (the online event, each page load, the "Kirim sekarang" button), shows the
// status strip, and wipes the queue on logout, for a revoked device and after 7 days.
(function () {
  "use strict";

  var node = document.getElementById("offline-config");
  if (!node) return;
  var cfg = JSON.parse(node.textContent);
  var T = cfg.text;
  var strip = document.getElementById("offline-strip");
  var statusEl = document.getElementById("offline-status");
  var sendBtn = document.getElementById("offline-send");
  var noticeEl = document.getElementById("offline-notice");
  var errorsEl = document.getElementById("offline-errors");
  var Vault = window.NaunganVault;
  var vault = null;
  var syncing = false;

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function notice(text, kind) {
    noticeEl.textContent = text;
    noticeEl.className = "container pb-2 fw-semibold" + (kind === "error" ? " text-danger" : "");
    noticeEl.hidden = !text;
  }

  // ----- what a form becomes: the body of a sync item (CONTRACT §4) -----
  function reader(form) {
    var fd = new FormData(form);
    var s = function (n) { var v = fd.get(n); return v === null ? "" : String(v).trim(); };
    var opt = function (n) { return s(n) || null; };
    var num = function (n, empty) {
      var v = s(n);
      if (v === "") return empty;
      var x = Number(v);
      return Number.isInteger(x) ? x : v; // not a number: the server names the field
    };
    return { fd: fd, s: s, opt: opt, num: num };
  }

  var BODIES = {
    report: function (form, savedAt) {
      var r = reader(form);
      var consent = { "1": true, "0": false }[r.s("victim_consent")];
      var received = r.s("received_at");
      return {
        channel: "activist",
        kind: r.s("kind") || "complaint",
        reporter_relation: r.s("reporter_relation") || "witness",
        anonymous: r.s("anonymous") !== "0",
        reporter_name: r.opt("reporter_name"),
        reporter_phone: r.opt("reporter_phone"),
        message_only: r.fd.has("message_only"),
        victim: { name: r.opt("victim_name"), age: r.num("victim_age", null), sex: r.opt("victim_sex") },
        violence_types: r.fd.getAll("violence_types").map(String),
        description: r.s("description"),
        incident_date: r.opt("incident_date"),
        area_code: r.opt("area_code") || r.opt("kelurahan") || r.opt("kecamatan"),
        location_detail: r.opt("location_detail"),
        // Received when the activist saved it on the phone, not when it reached the server.
        received_at: new Date(received || savedAt).toISOString(),
        victim_consent: consent === undefined ? null : consent,
        // The quick triage checklist as the activist knows it (the desk confirms or raises).
        reported_checklist: r.fd.getAll("reported_checklist").map(String),
      };
    },
    activity: function (form) {
      var r = reader(form);
      return {
        kind: r.s("kind"),
        held_on: r.s("held_on"),
        area_code: r.s("area_code"),
        rt: r.opt("rt"),
        rw: r.opt("rw"),
        topic: r.s("topic"),
        partner: r.opt("partner"),
        materials: r.opt("materials"),
        attendance: {
          women: r.num("women", 0), men: r.num("men", 0),
          girls: r.num("girls", 0), boys: r.num("boys", 0),
        },
      };
    },
  };

  BODIES.activity_edit = BODIES.activity;

  // An accompaniment log (the brief page, the offline log form): the brief it belongs to and
  // what the activist did; the brief's content itself never enters the queue.
  BODIES.accompaniment_log = function (form) {
    var r = reader(form);
    return {
      brief: r.s("brief"),
      done_on: r.s("done_on"),
      place: r.s("place"),
      with_whom: r.s("with_whom"),
      what_happened: r.s("what_happened"),
      finished: r.fd.has("finished"),
    };
  };

  var KIND_TEXT = {
    report: "kindReport", activity: "kindActivity", activity_edit: "kindActivity",
    accompaniment_log: "kindAccompaniment",
  };

  // The typed fields, to put back into the form when the activist corrects an item.
  function typed(form) {
    var out = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") out.push([name, value]);
    });
    return out;
  }

  function refill(form, fields) {
    form.reset();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.type === "checkbox" || el.type === "radio") el.checked = false;
    });
    fields.forEach(function (pair) {
      var els = form.querySelectorAll('[name="' + pair[0].replace(/"/g, "") + '"]');
      Array.prototype.forEach.call(els, function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.value === pair[1] || (el.value === "on" && pair[1] === "on")) el.checked = true;
        } else if (el.type !== "hidden" || el.name !== "csrfmiddlewaretoken") {
          el.value = pair[1];
        }
      });
    });
  }

  function formType(form) {
    if ((form.method || "").toLowerCase() !== "post") return "";
    if (form.dataset.offlineForm) return form.dataset.offlineForm;
    var type = cfg.forms[window.location.pathname];
    // The community's activity form: the one with a topic and attendance on its page.
    if (type === "activity" && form.elements.topic && form.elements.women) return type;
    return "";
  }

  // ----- the status strip -----
  function label(type, path) {
    var names = cfg.labels[type] || {};
    return names[path] || names[path.split(".").pop()] || "";
  }

  function messages(type, detail) {
    if (!detail) return [T.failed];
    if (typeof detail === "string") return [detail];
    return detail.map(function (d) {
      var loc = (d.loc || []).filter(function (p) { return p !== "body"; }).join(".");
      var name = loc ? label(type, loc) : "";
      return name ? name + ": " + d.msg : d.msg;
    });
  }

  function render() {
    if (!vault) return Promise.resolve();
    return vault.list().then(function (items) {
      if (items.expired) notice(fmt(T.expired, { d: cfg.maxDays }));
      var online = navigator.onLine;
      var n = items.length;
      var errors = items.filter(function (i) { return i.status === "error" || i.status === "conflict"; });
      var text;
      if (syncing) text = T.sending;
      else if (!online) text = n ? fmt(T.offlineWaiting, { n: n }) : T.offlineNone;
      else text = n ? fmt(T.onlineWaiting, { n: n }) : T.allSent;
      statusEl.textContent = text;
      strip.dataset.state = !online ? "offline" : errors.length ? "error" : n ? "waiting" : "sent";
      strip.dataset.count = String(n);
      sendBtn.hidden = !n || !online || syncing;
      errorsEl.textContent = "";
      errorsEl.hidden = !errors.length;
      errors.forEach(function (item) {
        if (item.status === "conflict") { errorsEl.appendChild(conflictItem(item)); return; }
        var li = document.createElement("li");
        li.dataset.testid = "offline-error";
        var head = document.createElement("div");
        head.className = "fw-semibold";
        head.textContent = T[KIND_TEXT[item.type] || "kindActivity"] + " · " +
          new Date(item.createdAt).toLocaleString(document.documentElement.lang || "id");
        li.appendChild(head);
        messages(item.type, item.detail).forEach(function (m) {
          var p = document.createElement("div");
          p.textContent = m;
          li.appendChild(p);
        });
        var form = findForm(item.type);
        if (form) li.appendChild(button(T.edit, "btn-primary", function () { edit(item, form); }));
        li.appendChild(button(T.remove, "btn-outline-danger", function () {
          if (window.confirm(T.removeConfirm)) vault.remove(item.id).then(render);
        }));
        errorsEl.appendChild(li);
      });
      return items;
    });
  }

  // Both versions of an activity changed on the server meanwhile: the activist chooses.
  function conflictItem(item) {
    var li = document.createElement("li");
    li.dataset.testid = "offline-conflict";
    var head = document.createElement("div");
    head.className = "fw-semibold";
    head.textContent = T.conflict;
    li.appendChild(head);
    var grid = document.createElement("div");
    grid.className = "offline-conflict";
    li.appendChild(grid);
    function column(title, body) {
      var box = document.createElement("div");
      var h = document.createElement("div");
      h.className = "fw-semibold mt-1";
      h.textContent = title;
      box.appendChild(h);
      var dl = document.createElement("dl");
      ["topic", "held_on", "rt", "partner"].forEach(function (name) {
        var dt = document.createElement("dt");
        dt.textContent = label("activity", name);
        var dd = document.createElement("dd");
        dd.textContent = body[name] || "—";
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      var a = body.attendance || {};
      var dt = document.createElement("dt");
      dt.textContent = [label("activity", "women"), label("activity", "men"),
        label("activity", "girls"), label("activity", "boys")].join(" / ");
      var dd = document.createElement("dd");
      dd.textContent = [a.women, a.men, a.girls, a.boys].join(" / ");
      dl.appendChild(dt);
      dl.appendChild(dd);
      box.appendChild(dl);
      grid.appendChild(box);
    }
    vault.read(item).then(function (mine) {
      column(T.mine, mine.body);
      column(T.server, item.detail.server || {});
      li.appendChild(button(T.keepMine, "btn-primary", function () {
        // A deliberate overwrite: the same edit, now based on the server's version.
        mine.base_version = item.detail.server_version;
        vault.remove(item.id).then(function () {
          return vault.put("activity_edit", mine);
        }).then(sync);
      }));
      li.appendChild(button(T.keepServer, "btn-outline-secondary", function () {
        vault.remove(item.id).then(render);
      }));
    });
    return li;
  }

  function button(text, style, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "btn btn-sm me-2 mt-1 " + style;
    b.textContent = text;
    b.addEventListener("click", onclick);
    return b;
  }

  function findForm(type) {
    return Array.prototype.find.call(document.forms, function (f) {
      if (formType(f) !== type) return false;
      // A log is corrected in the offline log form, where its brief is chosen: the brief
      // page's form belongs to that page's brief (it would post the log there).
      if (type === "accompaniment_log") {
        return !!f.elements.brief && f.elements.brief.tagName === "SELECT";
      }
      return true;
    });
  }

  function edit(item, form) {
    vault.read(item).then(function (payload) {
      refill(form, payload.fields || []);
      return vault.remove(item.id);
    }).then(function () {
      render();
      form.scrollIntoView();
    });
  }

  // ----- sending -----
  function wipeAll(options) {
    var jobs = [vault ? vault.wipe(options) : Promise.resolve()];
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "wipe" });
    }
    if (window.caches) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf("naungan-luring-") === 0; })
          .map(function (n) { return caches.delete(n); }));
      }));
    }
    return Promise.all(jobs);
  }

  function getJson(response) {
    var type = response.headers.get("Content-Type") || "";
    if (response.redirected || type.indexOf("application/json") !== 0) {
      var e = new Error("session");
      e.session = true;
      throw e;
    }
    return response.json().then(function (data) { return { status: response.status, data: data }; });
  }

  function sync() {
    if (!vault || syncing || !navigator.onLine) return render();
    var device;
    return vault.list().then(function (items) {
      if (!items.length) return null;
      syncing = true;
      render();
      return vault.device().then(function (d) {
        device = d;
        return fetch(cfg.syncUrl + "?device=" + encodeURIComponent(d.id), {
          credentials: "same-origin", headers: { Accept: "application/json" },
        });
      }).then(getJson).then(function (hello) {
        if (hello.data.revoked) return { status: 403, data: { revoked: true } };
        return Promise.all(items.map(function (item) {
          return vault.read(item).then(function (p) {
            var out = { id: item.id, type: item.type, body: p.body };
            if (p.activity) { out.activity = p.activity; out.base_version = p.base_version; }
            return out;
          });
        })).then(function (sent) {
          return fetch(cfg.syncUrl, {
            method: "POST",
            credentials: "same-origin",
            headers: {
              Accept: "application/json",
              "Content-Type": "application/json",
              "X-CSRFToken": hello.data.csrf,
            },
            body: JSON.stringify({ device: { id: device.id, name: device.name }, items: sent }),
          }).then(getJson);
        });
      }).then(function (answer) {
        if (answer.status === 403 && answer.data.revoked) {
          return wipeAll({}).then(function () { notice(T.revoked, "error"); });
        }
        if (answer.status !== 200) {
          notice(answer.data.detail || T.serverDown, "error");
          return null;
        }
        var stored = 0;
        return Promise.all(answer.data.results.map(function (r) {
          if (r.status === "stored" || r.status === "duplicate") {
            stored += 1;
            return vault.remove(r.id);
          }
          return vault.mark(r.id, r.status === "conflict" ? "conflict" : "error", r.detail);
        })).then(function () {
          if (stored && stored === answer.data.results.length) notice(T.sent);
          else if (stored) notice("");
        });
      });
    }).catch(function (err) {
      notice(err && err.session ? T.sessionEnded : T.serverDown, "error");
    }).then(function () {
      syncing = false;
      return render();
    });
  }

  // ----- hooks -----
  function onSubmit(event) {
    var form = event.target;
    var type = formType(form);
    if (!type || !vault) return; // no encrypted storage here: the form posts as usual
    // Online, a new activity posts as usual: the server's field errors show next to the
    // fields at once. Only without a connection does it wait in the encrypted queue.
    if ((type === "activity" || type === "accompaniment_log") && navigator.onLine) return;
    event.preventDefault();
    // The browser's own check of required fields first (the forms say novalidate).
    if (!form.checkValidity()) { form.reportValidity(); return; }
    var savedAt = Date.now();
    var payload = { body: BODIES[type](form, savedAt), fields: typed(form) };
    if (type === "activity_edit") {
      payload.activity = form.dataset.activity;
      payload.base_version = form.elements.base_version.value;
    }
    vault.put(type, payload).then(function () {
      form.reset();
      notice(T.saved);
      window.scrollTo(0, 0);
      return navigator.onLine ? sync() : render();
    }).catch(function () {
      notice(T.noCrypto, "error");
    });
  }

  function onLogout(event) {
    var form = event.target;
    if (!vault || form.getAttribute("action") !== cfg.logoutUrl) return;
    event.preventDefault();
    vault.list().then(function (items) {
      if (items.length && !window.confirm(fmt(T.logoutConfirm, { n: items.length }))) return;
      return wipeAll({}).then(function () {
        if (navigator.serviceWorker) {
          return navigator.serviceWorker.getRegistrations().then(function (regs) {
            return Promise.all(regs.map(function (r) { return r.unregister(); }));
          });
        }
      }).catch(function () {}).then(function () {
        HTMLFormElement.prototype.submit.call(form);
      });
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.getAttribute("action") === cfg.logoutUrl) return onLogout(event);
    var confirmText = event.submitter && event.submitter.dataset.confirm;
    if (confirmText && !window.confirm(confirmText)) { event.preventDefault(); return; }
    onSubmit(event);
  });
  // A shell form shown from the cache keeps the submission key it was drawn with: a fresh
  // one, so that a form posted online is never taken for an earlier one. The offline log form
  // opened as ?brief=<id> (the cache ignores the query) selects that accompaniment.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-offline-form]"), function (f) {
    if (f.elements.submission && window.crypto && crypto.randomUUID) {
      f.elements.submission.value = crypto.randomUUID();
    }
    var wanted = new URLSearchParams(window.location.search).get("brief");
    var select = f.elements.brief;
    if (wanted && select && select.tagName === "SELECT") {
      Array.prototype.forEach.call(select.options, function (o) {
        if (o.value === wanted) select.value = wanted;
      });
    }
  });

  sendBtn.addEventListener("click", function () { sync(); });
  window.addEventListener("online", function () { sync(); });
  window.addEventListener("offline", function () { render(); });

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(cfg.swUrl, { scope: cfg.scope }).catch(function () {});
  }
  if (!Vault || !Vault.supported()) {
    statusEl.textContent = T.noCrypto;
    return;
  }
  Vault.open(cfg.owner, cfg.maxDays).then(function (opened) {
    vault = opened.vault;
    window.NaunganOffline = { vault: vault, sync: sync, render: render };
    if (opened.wiped === "expired") notice(fmt(T.expired, { d: cfg.maxDays }));
    return sync();
  }).catch(function () {
    statusEl.textContent = T.noCrypto;
  });
})();
