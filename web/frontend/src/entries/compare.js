// The bundle web/templates/compare.html loads: the page module exports init(root) and does nothing on import.
import { init } from "../pages/compare.js";

init(document.querySelector('[data-testid="compare"]'));
