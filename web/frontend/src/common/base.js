// Shared by every page: language switch, translations, engine badge, nav state.
import { applyI18n, lang, onLangChange, setLang } from "./i18n.js";
import { $all, readJsonScript } from "./dom.js";

export function boot() {
  const info = readJsonScript("pg-info") || {};
  applyI18n(document);
  for (const btn of $all("[data-lang-option]")) {
    btn.addEventListener("click", () => setLang(btn.dataset.langOption));
  }
  const sync = () => {
    for (const btn of $all("[data-lang-option]")) {
      const on = btn.dataset.langOption === lang();
      btn.classList.toggle("is-active", on);
      btn.setAttribute("aria-pressed", on ? "true" : "false");
    }
  };
  sync();
  onLangChange(sync);
  document.body.classList.add("is-ready");
  return { info };
}
