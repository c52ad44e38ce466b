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
