import { setRowChecks } from '../../src/platform/rows.js';

// Every raw statement's declared row shape is checked against what the database answers.
setRowChecks(true);
