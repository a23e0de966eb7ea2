// The bundle web/templates/sparql.html loads: the page module exports init(root) and does nothing on import.
import { init } from "../pages/sparql.js";

init(document.querySelector('[data-testid="sparql"]'));
