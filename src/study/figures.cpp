#include "study/figures.hpp"

#include <plplot/plstream.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>

#include "solyte/io/file_bytes.hpp"

namespace solyte::study::detail {

namespace {

std::mutex plplot_mutex;  // PLplot's streams share global state

// Palette: 0 background, 1 axes, 2…11 qualitative, 12…51 the cold→hot ramp.
constexpr int kQualitative = 2, kRamp = 12, kRampSize = 40;
constexpr int kPalette[10][3] = {{31, 119, 180}, {214, 39, 40},  {44, 160, 44},  {255, 127, 14},
                                 {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127},
                                 {188, 189, 34},  {23, 190, 207}};

void set_palette(plstream& pls) {
  pls.scmap0n(kRamp + kRampSize);
  pls.scol0(0, 255, 255, 255);
  pls.scol0(1, 30, 30, 30);
  for (int i = 0; i < 10; ++i) pls.scol0(kQualitative + i, kPalette[i][0], kPalette[i][1], kPalette[i][2]);
  for (int i = 0; i < kRampSize; ++i) {
    const double t = static_cast<double>(i) / (kRampSize - 1);
    auto mix = [](double a, double b, double s) { return static_cast<int>(std::lround(a + (b - a) * s)); };
    // blue (33,102,172) → purple (118,42,131) → red (178,24,43): dark enough on white
    if (t < 0.5)
      pls.scol0(kRamp + i, mix(33, 118, 2 * t), mix(102, 42, 2 * t), mix(172, 131, 2 * t));
    else
      pls.scol0(kRamp + i, mix(118, 178, 2 * t - 1), mix(42, 24, 2 * t - 1), mix(131, 43, 2 * t - 1));
  }
}

int colour(int c) { return c >= kRamp ? c : kQualitative + (((c % 10) + 10) % 10); }

// PLplot treats '#' as its escape character.
std::string plain(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '#' ? std::string("##") : std::string(1, c);
  return out;
}

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  void pad(double frac) {
    if (!(hi >= lo)) { lo = 0; hi = 1; }
    if (hi == lo) { lo -= 0.5; hi += 0.5; }
    const double d = (hi - lo) * frac;
    lo -= d;
    hi += d;
  }
};

double tx(double v, bool log) { return log ? (v > 0 ? std::log10(v) : std::nan("")) : v; }

void draw_panel(plstream& pls, const Panel& p) {
  Range xr, yr;
  for (const auto& s : p.series)
    for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
      const double x = tx(s.x[i], p.log_x), y = tx(s.y[i], p.log_y);
      if (std::isfinite(x) && std::isfinite(y)) {
        xr.add(x);
        yr.add(y);
      }
    }
  xr.pad(0.03);
  yr.pad(0.05);
  if (p.x_range) { xr.lo = tx(p.x_range->first, p.log_x); xr.hi = tx(p.x_range->second, p.log_x); }
  if (p.y_range) { yr.lo = tx(p.y_range->first, p.log_y); yr.hi = tx(p.y_range->second, p.log_y); }
  pls.col0(1);
  pls.schr(0, 0.8);
  // Axes: like plenv, but log axes get a labelled tick every 1, 2 or 5 decades so that
  // labels never overlap.
  pls.adv(0);
  if (p.equal_aspect) {
    pls.vpas(0.12, 0.95, 0.14, 0.88, (yr.hi - yr.lo) / (xr.hi - xr.lo));
  } else if (p.legend_outside) {
    pls.vpor(0.09, 0.68, 0.12, 0.90);
  } else {
    pls.vsta();
  }
  pls.wind(xr.lo, xr.hi, yr.lo, yr.hi);
  auto log_step = [](double span) { return span > 12 ? 5.0 : span > 5 ? 2.0 : 1.0; };
  pls.box(p.log_x ? "bcnstl" : "bcnst", p.log_x ? log_step(xr.hi - xr.lo) : 0.0, 0,
          p.log_y ? "bcnstvl" : "bcnstv", p.log_y ? log_step(yr.hi - yr.lo) : 0.0, 0);
  for (const auto& b : p.bands) {
    const double x0 = tx(b.x0, p.log_x), x1 = tx(b.x1, p.log_x);
    if (!std::isfinite(x0) || !std::isfinite(x1)) continue;
    pls.col0(colour(b.color));
    if (x0 == x1) {
      PLFLT xs[2] = {x0, x0}, ys[2] = {yr.lo, yr.hi};
      pls.lsty(2);
      pls.line(2, xs, ys);
      pls.lsty(1);
    } else {
      PLFLT xs[4] = {x0, x1, x1, x0}, ys[4] = {yr.lo, yr.lo, yr.hi, yr.hi};
      pls.scol0a(colour(b.color), kPalette[(b.color % 10 + 10) % 10][0],
                 kPalette[(b.color % 10 + 10) % 10][1], kPalette[(b.color % 10 + 10) % 10][2], 0.18);
      pls.fill(4, xs, ys);
      set_palette(pls);
    }
  }
  std::vector<PLINT> opts, line_colours, line_styles, symbol_colours, symbol_numbers;
  std::vector<PLFLT> line_widths, symbol_scales;
  std::vector<std::string> texts, symbols;
  for (const auto& s : p.series) {
    std::vector<PLFLT> xs, ys;
    for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
      const double x = tx(s.x[i], p.log_x), y = tx(s.y[i], p.log_y);
      if (std::isfinite(x) && std::isfinite(y)) {
        xs.push_back(x);
        ys.push_back(y);
      }
    }
    if (xs.empty()) continue;
    pls.col0(colour(s.color));
    if (s.line && xs.size() > 1) {
      pls.width(s.width);
      pls.line(static_cast<PLINT>(xs.size()), xs.data(), ys.data());
      pls.width(1);
    }
    if (s.points) {
      pls.ssym(0, 0.9);
      pls.string(static_cast<PLINT>(xs.size()), xs.data(), ys.data(), s.symbol.c_str());
    }
    if (!s.label.empty()) {
      opts.push_back((s.line ? PL_LEGEND_LINE : 0) | (s.points ? PL_LEGEND_SYMBOL : 0));
      line_colours.push_back(colour(s.color));
      line_styles.push_back(1);
      line_widths.push_back(s.width);
      symbol_colours.push_back(colour(s.color));
      symbol_scales.push_back(0.9);
      symbol_numbers.push_back(1);
      symbols.push_back(s.symbol);
      texts.push_back(plain(s.label));
    }
  }
  for (const auto& l : p.labels) {
    pls.col0(1);
    pls.ptex(tx(l.x, p.log_x), tx(l.y, p.log_y), 1, 0, 0.5, plain(l.text).c_str());
  }
  pls.col0(1);
  pls.lab(plain(p.x_label).c_str(), plain(p.y_label).c_str(), plain(p.title).c_str());
  if (p.legend && !texts.empty() && texts.size() <= 24) {
    std::vector<const char*> t, glyphs;
    for (const auto& s : texts) t.push_back(s.c_str());
    for (const auto& s : symbols) glyphs.push_back(s.c_str());
    std::vector<PLINT> text_colours(texts.size(), 1);
    PLFLT w = 0, h = 0;
    pls.schr(0, 0.6);
    const PLINT where = p.legend_outside ? PL_POSITION_RIGHT | PL_POSITION_OUTSIDE
                                         : PL_POSITION_RIGHT | PL_POSITION_TOP;
    pls.legend(&w, &h, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX, where,
               p.legend_outside ? 0.03 : 0.02, p.legend_outside ? 0.0 : 0.02, 0.05, 0, 1, 1, 0, 0, static_cast<PLINT>(texts.size()), opts.data(),
               0.6, 0.8, 1.6, 0.0, text_colours.data(), t.data(), nullptr, nullptr, nullptr,
               nullptr, line_colours.data(), line_styles.data(), line_widths.data(),
               symbol_colours.data(), symbol_scales.data(), symbol_numbers.data(), glyphs.data());
    pls.schr(0, 0.8);
  }
}

void draw(const Figure& f, const char* device, const std::string& path) {
  std::lock_guard lock(plplot_mutex);
  auto pls = std::make_unique<plstream>();
  pls->sdev(device);
  pls->sfnam(path.c_str());
  pls->spage(0, 0, f.width, f.height, 0, 0);
  set_palette(*pls);
  const int cols = std::max(1, f.columns);
  const int rows = static_cast<int>((f.panels.size() + cols - 1) / cols);
  pls->ssub(cols, std::max(1, rows));
  pls->init();
  pls->fontld(1);
  for (const auto& p : f.panels) draw_panel(*pls, p);
  pls.reset();  // plend1: closes the stream and writes the file
}

}  // namespace

int gradient(double t) {
  if (!std::isfinite(t)) t = 0.5;
  t = std::clamp(t, 0.0, 1.0);
  return kRamp + static_cast<int>(std::lround(t * (kRampSize - 1)));
}

std::string render_svg(const Figure& f, const std::string& scratch_dir,
                       const std::string& id_prefix) {
  const std::string tmp = scratch_dir + "/.figure-" + std::to_string(::getpid()) + ".svg";
  draw(f, "svg", tmp);
  std::string svg = io::read_file_bytes(tmp);
  std::filesystem::remove(tmp);
  // Unique ids per figure, so that several figures can share one page; PLplot's one
  // attribute per line and default attributes are folded, which halves the size.
  std::string out;
  out.reserve(svg.size() / 2 + 256);
  const std::string id = "text-clipping";
  const std::string_view defaults[] = {" stroke-opacity=\"1.000000\"", " fill-opacity=\"1.000000\""};
  for (std::size_t i = 0; i < svg.size();) {
    if (svg.compare(i, id.size(), id) == 0) {
      out += id_prefix + id;
      i += id.size();
      continue;
    }
    if (svg[i] == '\n') {
      while (i < svg.size() && (svg[i] == '\n' || svg[i] == ' ')) ++i;
      out += ' ';
      continue;
    }
    bool skipped = false;
    for (auto d : defaults)
      if (svg.compare(i, d.size(), d) == 0) {
        i += d.size();
        skipped = true;
        break;
      }
    if (skipped) continue;
    if (svg.compare(i, 28, "stroke-width=\"1.000000e+00\"") == 0) {
      out += "stroke-width=\"1\"";
      i += 28;
      continue;
    }
    out += svg[i++];
  }
  const auto start = out.find("<svg");
  if (start != std::string::npos) out.erase(0, start);
  return out;
}

void render_png(const Figure& f, const std::string& path) { draw(f, "pngcairo", path); }

}  // namespace solyte::study::detail
