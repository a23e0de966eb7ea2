// The bundle web/templates/explorer.html loads: the page module exports init(root) and does nothing on import.
import { init } from "../pages/explorer.js";

init(document.querySelector('[data-testid="explorer"]'));
