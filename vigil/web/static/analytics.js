// The analytics page's charts: each <canvas data-chart='{...}'> carries a small spec made on
// the server (web/analytics_pages.py, `charts`), drawn here with the vendored Chart.js.
// No inline script or style: the page runs under script-src 'self'.
(() => {
  if (typeof Chart === "undefined") return; // the tables beside each chart still say it all
  const unitTick = (unit) => (value) => (unit === "%" ? `${value}%` : value);
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const spec = JSON.parse(canvas.dataset.chart);
    const horizontal = Boolean(spec.horizontal);
    const valueAxis = {
      beginAtZero: true,
      stacked: Boolean(spec.stacked),
      title: { display: Boolean(spec.unit), text: spec.unit },
      ticks: { callback: unitTick(spec.unit), precision: spec.unit === "cases" ? 0 : undefined },
    };
    if (spec.max !== undefined) valueAxis.max = spec.max;
    const labelAxis = { stacked: Boolean(spec.stacked), grid: { display: false } };
    const chart = new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((d) => ({
          label: d.label,
          data: d.data,
          backgroundColor: d.color,
          borderColor: d.color,
          borderWidth: spec.type === "line" ? 2 : 0,
          spanGaps: true,
          pointRadius: 3,
        })),
      },
      options: {
        animation: false, // read at a glance, and the same picture every time
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: {
          legend: { display: spec.datasets.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const v = horizontal ? ctx.parsed.x : ctx.parsed.y;
                return `${ctx.dataset.label}: ${v === null ? "none" : v}${spec.unit === "%" ? "%" : ` ${spec.unit}`}`;
              },
            },
          },
        },
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    });
    canvas.closest("figure")?.setAttribute("data-drawn", chart ? "yes" : "no");
  });
})();
