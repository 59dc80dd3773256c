// plotly.js with only the trace types the dashboard draws (README.md says how to rebuild).
// scatter comes with the core; the Spanish locale stays in assets/plotly-locale-es.js, which the
// core registers from window.PlotlyLocales when it loads after it (or registers itself after).
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/choropleth'),
    require('plotly.js/lib/indicator'),
]);

module.exports = Plotly;
