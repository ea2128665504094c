/* Members-only profiles: open the sealed details with the member passphrase.
 * The format is made by mentor_gallery/members_only.py: base64(iv[12] || AES-GCM ciphertext+tag),
 * key = PBKDF2-HMAC-SHA256(passphrase, salt, iterations); the plaintext is padded to a size bucket
 * with one 0x80 byte and then zeros. The derived key is kept for the session
 * so a member types the passphrase once, not on every profile. */
(function () {
  "use strict";
  var STORE = "mentor-gallery:members-key:";

  function bytes(b64) {
    var text = atob(b64), out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  function toB64(buffer) {
    var view = new Uint8Array(buffer), text = "";
    for (var i = 0; i < view.length; i++) text += String.fromCharCode(view[i]);
    return btoa(text);
  }

  async function deriveKey(passphrase, salt, iterations) {
    var material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
    return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: bytes(salt), iterations: iterations },
      material, { name: "AES-GCM", length: 256 }, true, ["decrypt"]);
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

  async function storedKey(salt) {
    try {
      var raw = sessionStorage.getItem(STORE + salt);
      return raw ? await crypto.subtle.importKey("raw", bytes(raw), "AES-GCM", true, ["decrypt"]) : null;
    } catch (e) { return null; }
  }

  async function remember(salt, key) {
    try { sessionStorage.setItem(STORE + salt, toB64(await crypto.subtle.exportKey("raw", key))); } catch (e) { /* private mode */ }
  }

  function reveal(box, html) {
    // The HTML is this site's own sanitised output; GCM authenticates that it was sealed by
    // whoever holds the passphrase's key, so it is inserted as built.
    var target = box.querySelector("[data-sealed-content]");
    target.innerHTML = html;
    target.hidden = false;
    box.querySelectorAll("[data-locked]").forEach(function (el) { el.hidden = true; });
  }

  async function setUp(box) {
    if (box.dataset.unlockReady) return;
    box.dataset.unlockReady = "1";
    var salt = box.dataset.salt, iterations = parseInt(box.dataset.iterations, 10), token = box.dataset.sealed;
    var form = box.querySelector("[data-unlock]"), status = box.querySelector("[data-unlock-status]");
    if (!window.crypto || !crypto.subtle) {
      status.textContent = "This browser cannot open members-only details here (a secure https connection is needed).";
      return;
    }
    var key = await storedKey(salt);
    if (key) {
      try { reveal(box, await openToken(key, token)); return; } catch (e) { /* a key of an older build */ }
    }
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      var input = form.querySelector("input[type=password]");
      status.textContent = "Opening…";
      try {
        var derived = await deriveKey(input.value, salt, iterations);
        reveal(box, await openToken(derived, token));
        await remember(salt, derived);
        status.textContent = "";
      } catch (e) {
        status.textContent = "That passphrase did not open the profile. Check it and try again.";
        input.focus();
      }
    });
  }

  function init() {
    document.querySelectorAll("[data-sealed]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
