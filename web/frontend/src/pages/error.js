// Error page (web/templates/error.html): the server writes the message; this only fills the shared
// chrome (language switch, navigation labels) as every page does.
import { boot } from "../common/base.js";

boot();
