// The bundle web/templates/entity.html loads: the page module exports init(root) and does nothing on import.
import { init } from "../pages/entity.js";

init(document.querySelector('[data-testid="entity"]'));
