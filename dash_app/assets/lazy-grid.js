// dash-ag-grid's 1,3 MB bundle only on pages that show a grid (dash_app/bundles.py keeps Dash
// from loading it on every page). Until it loads, window.dash_ag_grid is this stand-in: its AgGrid
// fetches the real bundle once and then renders the real grid with the same props. The real
// bundle replaces window.dash_ag_grid when it runs, so later grids use it directly.
(function () {
  if (window.dash_ag_grid || !window.React) {
    return; // already loaded the usual way
  }
  var React = window.React;
  var loading = null;

  function bundleUrl() {
    var config = document.getElementById("_dash-config");
    var prefix = config ? JSON.parse(config.textContent).requests_pathname_prefix : "/";
    return prefix + "_dash-component-suites/dash_ag_grid/dash_ag_grid.min.js";
  }

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl();
        script.onload = function () {
          resolve(window.dash_ag_grid);
        };
        script.onerror = function (error) {
          loading = null;
          reject(error);
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function AgGrid(props) {
    var state = React.useState(null);
    var Real = state[0];
    var setReal = state[1];
    React.useEffect(function () {
      var live = true;
      load().then(function (grid) {
        if (live) {
          setReal(function () {
            return grid.AgGrid;
          });
        }
      });
      return function () {
        live = false;
      };
    }, []);
    if (!Real) {
      return React.createElement("div", {
        id: typeof props.id === "string" ? props.id : undefined,
        className: props.className,
        style: props.style,
        "aria-busy": "true",
      });
    }
    return React.createElement(Real, props);
  }

  window.dash_ag_grid = {
    AgGrid: AgGrid,
    getApiAsync: function (id) {
      return load().then(function (grid) {
        return grid.getApiAsync(id);
      });
    },
  };
})();
