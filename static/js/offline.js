// The service worker: keeps a copy of the programme, session, speaker and agenda pages a
// phone has visited, and serves it with a notice when the venue's Wi-Fi fails.
// Served as /sw.js (conference.views.service_worker), which defines OFFLINE first:
//   pages     URL paths whose pages are kept (programmes and speaker indexes, every language)
//   assets    URL paths of the site's own CSS, JavaScript and images
//   messages  {language: notice text with %(time)s}, from the translation catalogue
//   language  the default language
//   signOut   the sign-out address: posting to it forgets the kept pages
// Nothing else depends on it: without it (or without JavaScript) the site works the same.
/* global OFFLINE */

const PAGES = "offline-pages-v1";
const ASSETS = "offline-assets-v1";
const STORED_AT = "X-Offline-Stored-At";
const NETWORK_TIMEOUT_MS = 8000; // venue Wi-Fi often hangs rather than fails
const MAX_PAGES = 300;
const MAX_ASSETS = 60;

const sameOrigin = (url) => url.origin === self.location.origin;
const isKeptPage = (url) =>
    sameOrigin(url) && OFFLINE.pages.some((path) => url.pathname.startsWith(path));
const isAsset = (url) =>
    sameOrigin(url) && OFFLINE.assets.some((path) => url.pathname.startsWith(path));
const isStorable = (response) =>
    response.ok &&
    response.type === "basic" &&
    !response.redirected &&
    (response.headers.get("Content-Type") || "").startsWith("text/html");

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
    event.waitUntil(
        (async () => {
            const current = [PAGES, ASSETS];
            for (const name of await caches.keys()) {
                if (name.startsWith("offline-") && !current.includes(name)) {
                    await caches.delete(name);
                }
            }
            await self.clients.claim();
        })(),
    );
});

self.addEventListener("fetch", (event) => {
    const { request } = event;
    const url = new URL(request.url);
    if (request.method === "POST" && sameOrigin(url) && url.pathname === OFFLINE.signOut) {
        // Signing out forgets the pages kept meanwhile (an agenda is personal).
        event.waitUntil(caches.delete(PAGES));
        return;
    }
    if (request.method !== "GET") return; // never a form post
    if (request.mode === "navigate" && isKeptPage(url)) {
        event.respondWith(networkFirst(event, url));
    } else if (isAsset(url)) {
        event.respondWith(cachedAsset(event));
    }
});

// A page opened before the worker was running asks it to keep that page and its assets.
self.addEventListener("message", (event) => {
    if (!event.data || event.data.type !== "keep" || !Array.isArray(event.data.urls)) return;
    event.waitUntil(
        Promise.all(
            event.data.urls.map(async (href) => {
                const url = new URL(href, self.location.href);
                url.hash = "";
                if (isKeptPage(url)) {
                    const response = await fetch(url, { credentials: "same-origin" });
                    if (isStorable(response)) await storePage(url.href, response);
                } else if (isAsset(url)) {
                    const response = await fetch(url);
                    if (response.ok) await storeAsset(url.href, response);
                }
            }),
        ).catch(() => {}),
    );
});

async function networkFirst(event, url) {
    let stored = Promise.resolve();
    const network = fetch(event.request).then((response) => {
        if (isStorable(response)) stored = storePage(url.href, response.clone());
        return response;
    });
    event.waitUntil(network.then(() => stored).catch(() => {}));
    try {
        return await Promise.race([network, timeout(NETWORK_TIMEOUT_MS)]);
    } catch (error) {
        const copy = await offlineCopy(url);
        if (copy) return copy;
        return network; // nothing kept: the browser's own error, or a late answer
    }
}

function timeout(ms) {
    return new Promise((_resolve, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

async function storePage(key, response) {
    const headers = new Headers(response.headers);
    // The body is stored decoded; its original length and encoding no longer apply.
    headers.delete("Content-Length");
    headers.delete("Content-Encoding");
    headers.set(STORED_AT, new Date().toISOString());
    const copy = new Response(await response.blob(), {
        status: response.status,
        statusText: response.statusText,
        headers,
    });
    const cache = await caches.open(PAGES);
    await cache.put(key, copy);
    await trim(cache, MAX_PAGES);
}

async function storeAsset(key, response) {
    const cache = await caches.open(ASSETS);
    await cache.put(key, response);
    await trim(cache, MAX_ASSETS);
}

// Entries are kept in the order they were stored: drop the oldest.
async function trim(cache, max) {
    const keys = await cache.keys();
    for (const key of keys.slice(0, Math.max(keys.length - max, 0))) {
        await cache.delete(key);
    }
}

async function offlineCopy(url) {
    const cache = await caches.open(PAGES);
    const options = { ignoreVary: true };
    // The same address, else the page without its filters: never another filtered view.
    const response =
        (await cache.match(url.href, options)) ||
        (await cache.match(url.origin + url.pathname, options));
    if (!response) return null;
    const html = await response.text();
    const storedAt = response.headers.get(STORED_AT) || new Date().toISOString();
    return new Response(html.replace(/<main\b[^>]*>/i, (tag) => tag + notice(html, storedAt)), {
        status: 200,
        headers: response.headers,
    });
}

// "Offline copy from <time>" in the page's language, the time in the phone's own zone.
function notice(html, storedAt) {
    const match = html.match(/<html[^>]*\slang="([^"]+)"/i);
    const language = match && OFFLINE.messages[match[1]] ? match[1] : OFFLINE.language;
    let when = storedAt;
    try {
        when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
            new Date(storedAt),
        );
    } catch (error) {
        // An unknown locale: the ISO time is still readable.
    }
    const [before, after = ""] = OFFLINE.messages[language].split("%(time)s");
    return (
        `<p class="offline-notice" role="status">${escapeHtml(before)}` +
        `<time datetime="${escapeHtml(storedAt)}">${escapeHtml(when)}</time>${escapeHtml(after)}</p>`
    );
}

function escapeHtml(text) {
    return String(text).replace(
        /[&<>"']/g,
        (character) =>
            ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character],
    );
}

async function cachedAsset(event) {
    const cache = await caches.open(ASSETS);
    const cached = await cache.match(event.request, { ignoreVary: true });
    const network = fetch(event.request);
    const stored = network.then((response) =>
        response.ok ? storeAsset(event.request.url, response.clone()) : null,
    );
    event.waitUntil(stored.catch(() => {}));
    // The kept copy at once (refreshed for next time), else the network's.
    return cached || network;
}
