/*
 * The call editor's Questions tab: each question shows only the settings its type uses
 * (a file size on "File upload", choices on "Drop down"...). The wrapper of each setting
 * names its types in data-question-setting-types (proposals/call_editor.py); without
 * this script every setting shows, says which types it is for, and saving clears the
 * ones that do not apply.
 */
(() => {
  const register = () => {
    const { app } = window.wagtail || {};
    const { Controller } = window.StimulusModule || {};
    if (!app || !Controller) return;

    class QuestionSettingsController extends Controller {
      connect() {
        this.update = this.update.bind(this);
        this.element.addEventListener('change', this.update);
        // A question added with "Add questions" arrives as new markup.
        this.observer = new MutationObserver(this.update);
        this.observer.observe(this.element, { childList: true, subtree: true });
        this.update();
      }

      disconnect() {
        this.element.removeEventListener('change', this.update);
        this.observer.disconnect();
      }

      update() {
        this.element.querySelectorAll('select[name$="-field_type"]').forEach((select) => {
          const question = select.closest('[data-inline-panel-child]') || select.form;
          if (!question) return;
          question.querySelectorAll('[data-question-setting-types]').forEach((setting) => {
            const types = setting.dataset.questionSettingTypes.split(' ');
            const shown = types.includes(select.value);
            if (setting.hidden === shown) setting.hidden = !shown;
          });
        });
      }
    }

    app.register('question-settings', QuestionSettingsController);
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', register);
  } else {
    register();
  }
})();
