// My agenda, progressive enhancement only: every star button is a form that works
// without this file (conference/agenda/).
//
// - Anonymous visitors ([data-agenda="browser"]): stars live in this browser's
//   localStorage, so the page they get can be the same cached page for everyone.
// - Signed in, or stars already kept on the server ([data-agenda="server"]): the form is
//   sent in the background, and any stars left in this browser join the server's.
// Also: the click-to-load video player and the "copy the address" button.
(() => {
    "use strict";

    const STORE = "conference-agenda-stars";
    const root = document.querySelector("[data-agenda]");

    function readStars() {
        try {
            const stored = JSON.parse(window.localStorage.getItem(STORE) || "[]");
            return new Set(Array.isArray(stored) ? stored : []);
        } catch (error) {
            return null; // no storage (private mode, blocked): the forms go to the server
        }
    }

    function writeStars(stars) {
        try {
            window.localStorage.setItem(STORE, JSON.stringify([...stars]));
            return true;
        } catch (error) {
            return false;
        }
    }

    function forgetStars() {
        try {
            window.localStorage.removeItem(STORE);
        } catch (error) {
            // nothing stored
        }
    }

    function sessionTitle(button) {
        const hidden = button.querySelector(".visually-hidden");
        return hidden ? hidden.textContent.replace(/^:\s*/, "") : "";
    }

    let status = null;
    function announce(message) {
        if (!root || !message) {
            return;
        }
        if (status === null) {
            status = document.createElement("p");
            status.className = "visually-hidden";
            status.setAttribute("role", "status");
            root.append(status);
        }
        status.textContent = message;
    }

    function showStar(key, starred) {
        for (const button of document.querySelectorAll(`.star-button[data-session-key="${key}"]`)) {
            button.setAttribute("aria-pressed", starred ? "true" : "false");
            const field = button.form && button.form.elements.namedItem("starred");
            if (field) {
                field.value = starred ? "0" : "1";
            }
        }
    }

    function announceStar(button, starred) {
        const text = starred ? root.dataset.starredText : root.dataset.unstarredText;
        announce(`${text || ""} ${sessionTitle(button)}`.trim());
    }

    // The agenda page lists every session, hidden; show those starred in this browser.
    function showAgendaPage(stars) {
        const items = document.querySelectorAll(".agenda-item[data-session-key]");
        if (!items.length) {
            return;
        }
        let shown = 0;
        for (const item of items) {
            item.hidden = !stars.has(item.dataset.sessionKey);
            shown += item.hidden ? 0 : 1;
        }
        for (const day of document.querySelectorAll(".agenda-day")) {
            day.hidden = !day.querySelector(".agenda-item:not([hidden])");
        }
        const empty = document.querySelector("[data-agenda-empty]");
        if (empty) {
            empty.hidden = shown > 0;
        }
    }

    // ?agenda=1 on the programme, for stars the server cannot see.
    function filterProgramme(stars) {
        const note = document.querySelector("[data-agenda-filter-note]");
        if (!note || stars.size === 0) {
            return;
        }
        for (const session of document.querySelectorAll(".programme-session[data-session-key]")) {
            session.hidden = !stars.has(session.dataset.sessionKey);
        }
        for (const row of document.querySelectorAll(".programme-table tbody tr")) {
            row.hidden = !row.querySelector(".programme-session:not([hidden])");
        }
        for (const table of document.querySelectorAll(".programme-table")) {
            const section = table.closest("section");
            if (section) {
                section.hidden = !table.querySelector("tbody tr:not([hidden])");
            }
        }
        note.textContent = note.dataset.agendaFilterNote;
        const count = document.querySelector(".programme-count");
        if (count) {
            count.hidden = true;
        }
    }

    function enhanceBrowserStars() {
        const stars = readStars();
        if (stars === null) {
            return;
        }
        for (const key of stars) {
            showStar(key, true);
        }
        showAgendaPage(stars);
        filterProgramme(stars);
        for (const form of document.querySelectorAll(".star-form")) {
            form.addEventListener("submit", (event) => {
                const button = form.querySelector(".star-button");
                const key = button.dataset.sessionKey;
                const starred = !stars.has(key);
                if (starred) {
                    stars.add(key);
                } else {
                    stars.delete(key);
                }
                if (!writeStars(stars)) {
                    return; // storage full or blocked: let the form go to the server
                }
                event.preventDefault();
                event.stopPropagation();
                showStar(key, starred);
                announceStar(button, starred);
            });
        }
    }

    function postStars(form, keys, starred) {
        const data = new FormData(form);
        data.delete("session");
        for (const key of keys) {
            data.append("session", key);
        }
        data.set("starred", starred ? "1" : "0");
        return fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        }).then((response) => {
            if (!response.ok) {
                throw new Error(`star: ${response.status}`);
            }
            return response.json();
        });
    }

    function enhanceServerStars() {
        const forms = document.querySelectorAll(".star-form");
        // Stars made in this browser before signing in join the account's.
        const local = readStars();
        if (local && local.size && forms.length) {
            postStars(forms[0], local, true)
                .then(() => {
                    forgetStars();
                    if (document.querySelector(".agenda-item")) {
                        window.location.reload(); // the agenda lists only the server's stars
                    } else {
                        for (const key of local) {
                            showStar(key, true);
                        }
                    }
                })
                .catch(() => {});
        }
        for (const form of forms) {
            form.addEventListener("submit", (event) => {
                event.preventDefault();
                event.stopPropagation();
                const button = form.querySelector(".star-button");
                const starred = button.getAttribute("aria-pressed") !== "true";
                postStars(form, [button.dataset.sessionKey], starred)
                    .then(() => {
                        showStar(button.dataset.sessionKey, starred);
                        announceStar(button, starred);
                    })
                    .catch(() => form.submit());
            });
        }
    }

    function enhanceVideoPlayers() {
        for (const placeholder of document.querySelectorAll(".video-placeholder[data-video-src]")) {
            placeholder.hidden = false;
            placeholder.querySelector("button").addEventListener("click", () => {
                const frame = document.createElement("iframe");
                frame.src = placeholder.dataset.videoSrc;
                frame.title = placeholder.dataset.videoTitle;
                frame.className = "video-player";
                frame.allow = "fullscreen; picture-in-picture";
                frame.allowFullscreen = true;
                placeholder.replaceChildren(frame);
                frame.focus();
            });
        }
    }

    function enhanceCopyButtons() {
        for (const button of document.querySelectorAll("[data-copy]")) {
            const field = document.getElementById(button.dataset.copy);
            if (!field || !navigator.clipboard) {
                continue;
            }
            button.hidden = false;
            button.addEventListener("click", () => {
                navigator.clipboard.writeText(field.value).then(
                    () => announceCopy(button, button.dataset.copied),
                    () => field.select(),
                );
            });
        }
    }

    function announceCopy(button, message) {
        const region = button.parentElement.querySelector(".copy-status");
        if (region) {
            region.textContent = message;
        }
    }

    if (root) {
        if (root.dataset.agenda === "browser") {
            enhanceBrowserStars();
        } else {
            enhanceServerStars();
        }
    }
    enhanceVideoPlayers();
    enhanceCopyButtons();
})();
