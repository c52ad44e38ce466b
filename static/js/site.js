// Progressive enhancement only: every page works without this file.
// Disable a form's submit buttons once it is sent, so a double click sends it once.
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.dataset.submitting) {
        event.preventDefault();
        return;
    }
    form.dataset.submitting = "true";
});

// A copy of the programme for when the venue's Wi-Fi fails (/sw.js, static/js/offline.js).
// Nothing else here depends on it.
if ("serviceWorker" in navigator) {
    const loadedWithoutWorker = !navigator.serviceWorker.controller;
    navigator.serviceWorker
        .register("/sw.js")
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
            // This page came from the network before the worker ran: ask it to keep a copy.
            if (loadedWithoutWorker && registration.active) {
                const assets = document.querySelectorAll('link[rel="stylesheet"], script[src]');
                registration.active.postMessage({
                    type: "keep",
                    urls: [window.location.href, ...Array.from(assets, (el) => el.href || el.src)],
                });
            }
        })
        .catch(() => {});
}
