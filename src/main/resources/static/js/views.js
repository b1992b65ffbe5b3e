// One module per kind: result(data), explanation(data), metrics(data) and changes(a, b) for the comparison.
import * as placement from './placement.js';
import * as procurement from './procurement.js';
import * as power from './power.js';

export const views = { placement, procurement, power };
