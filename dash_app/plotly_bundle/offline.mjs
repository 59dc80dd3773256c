// The bundle keeps no internet address: plotly.js's defaults that point at its servers become
// local or empty (the app also sets them in its chart config), and addresses inside help texts
// and licence notes lose their scheme. The XML namespace URIs (www.w3.org) stay: they are names
// the DOM needs to create SVG, never fetched.
const REPLACEMENTS = [
    ['"https://cdn.plot.ly/un/"', '"/assets/topojson/"'], // topojsonURL default
    ['"https://cloud.plotly.com/newchart"', '""'], // plotlyServerURL default (send to cloud)
    ['"https://plotly.com/"', '""'], // the modebar logo's link (displaylogo is off)
];
const NAMESPACE = /^http:\/\/www\.w3\.org\/(1999\/xhtml|1999\/xlink|2000\/svg|2000\/xmlns\/|XML\/1998\/namespace)$/;

export function offline(text) {
    for (const [from, to] of REPLACEMENTS) {
        text = text.split(from).join(to);
    }
    return text.replace(/https?:\/\/[^\s"'`)<>\\]*/g, (url) =>
        NAMESPACE.test(url) ? url : url.replace(/^https?:\/\//, ''),
    );
}
