/* Members-only profiles: open the sealed details with the member passphrase.
 * The format is made by mentor_gallery/site/sealing.py: base64(iv[12] || AES-GCM ciphertext+tag),
 * key = PBKDF2-HMAC-SHA256(passphrase, salt, iterations); the plaintext is padded to a size bucket
 * with one 0x80 byte and then zeros.
 *
 * A member types the passphrase once per browser session. The passphrase is never stored; the key
 * derived from it is a non-extractable CryptoKey (no script can read its bytes), kept in IndexedDB,
 * which holds a CryptoKey as it is, so every tab of the site shares it. The key is dropped after
 * KEEP_MS, when the site is rebuilt (a new salt), when the browser session ends (a session cookie
 * carries a random mark, never key material), and when the member presses Lock. */
(function () {
  "use strict";
  var DB = "mentor-gallery", STORE = "members-key", COOKIE = "mg-members-session";
  var KEEP_MS = 12 * 60 * 60 * 1000; // a working day: long enough not to nag, short on a shared computer
  // This tab's copy, for browsers without a usable IndexedDB (some private modes).
  var memo = null;

  function bytes(b64) {
    var text = atob(b64), out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  async function deriveKey(passphrase, salt, iterations) {
    var material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
    // extractable = false: the key can decrypt, but exportKey refuses to hand out its bytes.
    return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: bytes(salt), iterations: iterations },
      material, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
  }

  function unpad(padded) {
    var end = padded.length;
    while (end > 0 && padded[end - 1] === 0) end--;
    if (end === 0 || padded[end - 1] !== 0x80) throw new Error("no padding mark");
    return padded.subarray(0, end - 1);
  }

  async function openToken(key, token) {
    var raw = bytes(token);
    var plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: raw.slice(0, 12) }, key, raw.slice(12));
    return new TextDecoder().decode(unpad(new Uint8Array(plain)));
  }

  /* The session mark: a cookie without an expiry ends with the browser session. Scoped to the
   * site's path, as the stored key is keyed by it, so two galleries on one host stay apart. */
  function sessionMark() {
    var found = document.cookie.split("; ").filter(function (c) { return c.indexOf(COOKIE + "=") === 0; })[0];
    return found ? found.slice(COOKIE.length + 1) : null;
  }

  function setSessionMark(root, value, clear) {
    document.cookie = COOKIE + "=" + value + "; path=" + root + "; SameSite=Strict" +
      (location.protocol === "https:" ? "; Secure" : "") + (clear ? "; max-age=0" : "");
  }

  function newSessionMark() {
    var random = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(random, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function database() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  async function inStore(mode, action) {
    var db = await database();
    try {
      return await new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode), request = action(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(request.result); };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
      });
    } finally {
      db.close();
    }
  }

  function usable(record, salt, mark) {
    return !!record && record.salt === salt && record.expires > Date.now() && record.session === mark &&
      record.key instanceof CryptoKey;
  }

  async function storedKey(root, salt) {
    var record;
    try {
      record = await inStore("readonly", function (s) { return s.get(root); });
    } catch (e) {
      record = memo && memo.root === root ? memo : null; // no IndexedDB: this tab's copy only
    }
    if (usable(record, salt, sessionMark())) return record.key;
    if (record) await forget(root); // expired, of an older build, or of an ended session
    return null;
  }

  async function remember(root, salt, key) {
    var mark = sessionMark() || newSessionMark();
    var record = { salt: salt, key: key, expires: Date.now() + KEEP_MS, session: mark };
    setSessionMark(root, mark, false);
    memo = Object.assign({ root: root }, record);
    try { await inStore("readwrite", function (s) { return s.put(record, root); }); } catch (e) { /* memo only */ }
  }

  async function forget(root) {
    memo = null;
    setSessionMark(root, "", true);
    try { await inStore("readwrite", function (s) { return s.delete(root); }); } catch (e) { /* nothing stored */ }
  }

  function reveal(box, html) {
    // The HTML is this site's own sanitised output; GCM authenticates that it was sealed by
    // whoever holds the passphrase's key, so it is inserted as built.
    var target = box.querySelector("[data-sealed-content]");
    target.innerHTML = html;
    target.hidden = false;
    box.querySelectorAll("[data-locked]").forEach(function (el) { el.hidden = true; });
    box.querySelector("[data-lock-bar]").hidden = false;
    box.dataset.unlockState = "open";
  }

  function conceal(box) {
    var target = box.querySelector("[data-sealed-content]");
    target.innerHTML = "";
    target.hidden = true;
    box.querySelectorAll("[data-locked]").forEach(function (el) { el.hidden = false; });
    box.querySelector("[data-lock-bar]").hidden = true;
    box.dataset.unlockState = "locked";
  }

  async function setUp(box) {
    if (box.dataset.unlockReady) return;
    box.dataset.unlockReady = "1";
    var salt = box.dataset.salt, iterations = parseInt(box.dataset.iterations, 10), token = box.dataset.sealed;
    var root = new URL(box.dataset.root || "./", location.href).pathname;
    var form = box.querySelector("[data-unlock]"), status = box.querySelector("[data-unlock-status]");
    var input = form.querySelector("input[type=password]");
    if (!window.crypto || !crypto.subtle) {
      status.textContent = "This browser cannot open members-only details here (a secure https connection is needed).";
      return;
    }
    box.querySelector("[data-lock]").addEventListener("click", async function () {
      await forget(root);
      conceal(box);
      input.value = "";
      status.textContent = "Locked. This browser has forgotten the member passphrase.";
      input.focus();
    });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      status.textContent = "Opening…";
      try {
        var derived = await deriveKey(input.value, salt, iterations);
        reveal(box, await openToken(derived, token));
        input.value = "";
        status.textContent = "";
        await remember(root, salt, derived);
      } catch (e) {
        status.textContent = "That passphrase did not open the profile. Check it and try again.";
        input.focus();
      }
    });
    var key = await storedKey(root, salt);
    if (key) {
      try { reveal(box, await openToken(key, token)); } catch (e) { await forget(root); }
    }
    // Settled: "open" with a remembered key, or "locked" until the passphrase is entered.
    if (!box.dataset.unlockState) box.dataset.unlockState = "locked";
  }

  function init() {
    document.querySelectorAll("[data-sealed]").forEach(setUp);
  }

  (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(init); // on every page: on-page.js
})();
