// Figures of a study report, drawn with PLplot (svg driver for the report, pngcairo for
// papers). One figure = one or more panels, each with axes, lines/points and shaded bands.
// PLplot keeps global state, so rendering is serialised inside this module.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace solyte::study::detail {

struct PlotSeries {
  std::vector<double> x, y;
  std::string label;       ///< legend text; empty: not in the legend
  int color = 0;           ///< palette index (0…9 qualitative), or gradient(...) for ramps
  bool line = true;
  bool points = false;
  double width = 1.5;
  std::string symbol = "#(840)";   ///< Hershey glyph for points: 840 ○, 841 □, 851 ■, 852 ▲
};

/// A shaded band along x (e.g. a σ' plateau or a fit window), or a vertical line when x0 = x1.
struct PlotBand {
  double x0 = 0, x1 = 0;
  int color = 7;
};

/// A label at a data position.
struct PlotLabel {
  double x = 0, y = 0;
  std::string text;
};

struct Panel {
  std::string title, x_label, y_label;
  bool log_x = false, log_y = false;
  bool equal_aspect = false;   ///< Nyquist plots
  std::optional<std::pair<double, double>> x_range, y_range;
  std::vector<PlotSeries> series;
  std::vector<PlotBand> bands;
  std::vector<PlotLabel> labels;
  bool legend = true;
  bool legend_outside = false;   ///< legend right of the axes (many series)
};

struct Figure {
  std::string name;       ///< file stem: figures/<name>.svg
  std::string caption;    ///< shown under the figure in the report
  std::vector<Panel> panels;
  int columns = 1;        ///< panels per row
  int width = 640, height = 420;   ///< of the whole figure, in points
  bool raster_in_report = false;   ///< many panels: the page embeds the PNG, not the SVG
};

/// Colour index of a position t ∈ [0, 1] on the blue→red ramp (cold → hot).
int gradient(double t);

/// The figure as SVG text (standalone document). Element ids are prefixed with `id_prefix`
/// so that several figures can live in one HTML page. `scratch_dir` holds the temporary file.
std::string render_svg(const Figure& f, const std::string& scratch_dir,
                       const std::string& id_prefix);
/// Writes the figure as PNG to `path`.
void render_png(const Figure& f, const std::string& path);

}  // namespace solyte::study::detail
