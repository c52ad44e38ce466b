/*
 * The call editor's Emails tab: "Preview as typed" fills in the subject and message being
 * written with a made-up submission to the call, without saving the page
 * (proposals/admin/email_preview.py). Without this script the button stays hidden and
 * saving the page shows the preview.
 */
(() => {
  const register = () => {
    const { app } = window.wagtail || {};
    const { Controller } = window.StimulusModule || {};
    if (!app || !Controller) return;

    class EmailPreviewController extends Controller {
      static targets = ['button', 'result'];

      static values = { url: String };

      connect() {
        if (this.urlValue) this.buttonTarget.hidden = false;
      }

      async refresh() {
        const message = this.element.closest('[data-inline-panel-child]');
        const form = this.element.closest('form');
        if (!message || !form) return;
        const value = (name) => (message.querySelector(`[name$="-${name}"]`) || {}).value || '';
        const data = new FormData();
        data.append('csrfmiddlewaretoken', form.querySelector('[name=csrfmiddlewaretoken]').value);
        data.append('kind', value('kind'));
        data.append('subject', value('subject'));
        data.append('body', value('body'));
        const response = await fetch(this.urlValue, { method: 'POST', body: data });
        if (response.ok) this.resultTarget.innerHTML = await response.text();
      }
    }

    app.register('email-preview', EmailPreviewController);
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', register);
  } else {
    register();
  }
})();
