// Plotly's Spanish locale ("es"), registered before or after plotly.js loads (no CDN).
(function () {
  var locale = {
    moduleType: "locale",
    name: "es",
    dictionary: {
      "Autoscale": "Autoescalar",
      "Box Select": "Seleccionar rectángulo",
      "Click to enter Colorscale title": "Introducir el título de la Escala de Color",
      "Click to enter Component A title": "Introducir el título del Componente A",
      "Click to enter Component B title": "Introducir el título del Componente B",
      "Click to enter Component C title": "Introducir el título del Componente C",
      "Click to enter Plot title": "Introducir el título de la Gráfica",
      "Click to enter X axis title": "Introducir el título del eje X",
      "Click to enter Y axis title": "Introducir el título del eje Y",
      "Compare data on hover": "Comparar datos al pasar por encima",
      "Double-click on legend to isolate one trace": "Doble clic en la leyenda para aislar una serie",
      "Double-click to zoom back out": "Doble clic para reducir el zoom",
      "Download plot as a png": "Descargar gráfica como PNG",
      "Download plot": "Descargar gráfica",
      "Edit in Chart Studio": "Editar en Chart Studio",
      "IE only supports svg.  Changing format to svg.": "IE solo soporta SVG. Cambiando formato a SVG.",
      "Lasso Select": "Seleccionar con lazo",
      "Orbital rotation": "Rotación esférica",
      "Pan": "Desplazar",
      "Produced with Plotly.js": "Hecho con Plotly.js",
      "Reset": "Reiniciar",
      "Reset axes": "Reiniciar ejes",
      "Reset camera to default": "Restablecer la cámara",
      "Reset camera to last save": "Restablecer la cámara al último guardado",
      "Reset view": "Restablecer vista",
      "Reset views": "Restablecer vistas",
      "Show closest data on hover": "Mostrar el dato más cercano al pasar por encima",
      "Snapshot succeeded": "La captura de pantalla finalizó correctamente",
      "Sorry, there was a problem downloading your snapshot!": "¡Disculpe, hubo un problema descargando la captura de pantalla!",
      "Taking snapshot - this may take a few seconds": "Capturando una imagen - podría tardar unos segundos",
      "Toggle Spike Lines": "Mostrar/ocultar guías",
      "Toggle show closest data on hover": "Mostrar/ocultar el dato más cercano al pasar por encima",
      "Turntable rotation": "Rotación plana",
      "Zoom": "Zoom",
      "Zoom in": "Acercar",
      "Zoom out": "Alejar",
      "close:": "cierre:",
      "high:": "alto:",
      "incoming flow count:": "flujo de entrada:",
      "kde:": "de:",
      "lat:": "lat:",
      "lon:": "lon:",
      "low:": "bajo:",
      "lower fence:": "límite inferior:",
      "max:": "máx:",
      "mean ± σ:": "media ± σ:",
      "mean:": "media:",
      "median:": "mediana:",
      "min:": "mín:",
      "new text": "nuevo texto",
      "open:": "apertura:",
      "outgoing flow count:": "flujo de salida:",
      "q1:": "q1:",
      "q3:": "q3:",
      "source:": "fuente:",
      "target:": "destino:",
      "trace": "serie",
      "upper fence:": "límite superior:"
    },
    format: {
      days: ["Domingo", "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado"],
      shortDays: ["Dom", "Lun", "Mar", "Mié", "Jue", "Vie", "Sáb"],
      months: ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto",
               "Septiembre", "Octubre", "Noviembre", "Diciembre"],
      shortMonths: ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct",
                    "Nov", "Dic"],
      date: "%d/%m/%Y",
      decimal: ",",
      thousands: "."
    }
  };
  if (typeof window.Plotly === "undefined") {
    window.PlotlyLocales = window.PlotlyLocales || [];
    window.PlotlyLocales.push(locale);
  } else {
    window.Plotly.register(locale);
  }
})();
