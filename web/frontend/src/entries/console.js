// The bundle web/templates/console.html loads: the page module exports init(root) and does nothing on import.
import { init } from "../pages/console.js";

init(document.querySelector('[data-testid="console"]'));
