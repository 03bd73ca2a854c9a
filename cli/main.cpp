// solyte — analysis of solid-electrolyte measurements. One binary, one subcommand per
// analysis; see `solyte --help` and docs/cli.md.
//
// Exit codes (DESIGN.md): 0 success, 2 bad argument, 3 unreadable or malformed file,
// 4 numerical impossibility, 1 anything unexpected.
#include <CLI/CLI.hpp>

#include <iostream>
#include <system_error>

#include "commands.hpp"
#include "solyte/error.hpp"
#include "solyte/version.hpp"

namespace solyte::cli {

void add_output_options(CLI::App* cmd, GlobalOptions& g) {
  cmd->add_option("--format,-f", g.format, "Output: text (aligned table), csv, tsv or json")
      ->check(CLI::IsMember({"text", "table", "csv", "tsv", "json"}))
      ->group("Output");
  cmd->add_option("--output,-o", g.output,
                  "Write to this file (atomically) instead of standard output")
      ->group("Output");
  cmd->add_flag("--quiet,-q", g.quiet, "No progress bar or notes on standard error")
      ->group("Output");
}

}  // namespace solyte::cli

int main(int argc, char** argv) {
  using namespace solyte;
  CLI::App app{"solyte — analysis of solid-electrolyte measurements: impedance spectra to "
               "conductivity, Arrhenius regimes and transitions; electric-modulus (KWW) and DRT "
               "relaxation analysis; equivalent-circuit fits and Kramers-Kronig tests; anion "
               "packing, site entropy and effective-medium conductivity; powder-diffraction "
               "lines, patterns, size and strain; band areas of IR/Raman/NMR spectra; the "
               "stability window from CV; critical current densities; DSC transitions; whole "
               "studies from a manifest; instrument files of every technique read and converted."};
  app.set_version_flag("--version", std::string("solyte ") + solyte::version());
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  solyte info pattern.brml spectrum.txt dsc.csv\n"
      "  solyte convert pattern.raw -o pattern.csv\n"
      "  solyte convert cell.mpt --to sigma --diameter 10mm --thickness 0.5mm\n"
      "  solyte conductivity data/*.txt --diameter 8mm --thickness 2.1mm "
      "--temperature-from-name -o sigma.csv\n"
      "  solyte arrhenius sigma.csv\n"
      "  solyte arrhenius --compare milled.csv pristine.csv\n"
      "  solyte modulus pellet_-90C.csv -d 10mm -L 0.5mm --fit kww\n"
      "  solyte kww --beta 0.6 --x 0.1,1,10\n"
      "  solyte drt cell.mpt\n"
      "  solyte fit cell.mpt --circuit 'R0-p(R1,CPE1)-CPE2'\n"
      "  solyte kk cell.mpt\n"
      "  solyte packing --lattice fcc,bcc --a 10.066,7.882 --z 4,2 --formula NaCB11H12\n"
      "  solyte entropy config --sites 24h:0.008,24g:0.075\n"
      "  solyte ema --phase 0.92:4mS/cm --phase 0.08:4e-4mS/cm\n"
      "  solyte xrd lines --cif NaCl.cif\n"
      "  solyte peaks ir.csv --baseline als --model voigt --ratio 2400:2650/2990:3110\n"
      "  solyte cv cv.mpt --area 0.785cm2 --edge tangent,deviation\n"
      "  solyte ccd cycling.csv --area 0.785cm2\n"
      "  solyte ccd-protocol --capacity 120mAh/g --loading 2mg/cm2 --c-rates C/10,C/5,C/2,1C\n"
      "  solyte dsc scan.csv --exo down --rate 10K/min\n"
      "Run 'solyte COMMAND --help' for the options of a command.\n"
      "Exit codes: 0 ok, 2 bad argument, 3 unreadable or malformed file, 4 numerical "
      "impossibility.");

  cli::register_info(app);
  cli::register_convert(app);
  cli::register_conductivity(app);
  cli::register_arrhenius(app);
  cli::register_simulate(app);
  cli::register_modulus(app);
  cli::register_kww(app);
  cli::register_drt(app);
  cli::register_packing(app);
  cli::register_entropy(app);
  cli::register_ema(app);
  cli::register_sites(app);
  cli::register_study(app);
  cli::register_xrd(app);
  cli::register_peaks(app);
  cli::register_cv(app);
  cli::register_ccd(app);
  cli::register_ccd_protocol(app);
  cli::register_dsc(app);
  cli::register_simulate_curves(*app.get_subcommand("simulate"));
  cli::register_fit(app);
  cli::register_kk(app);

  // A mistyped command would otherwise get CLI11's "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const auto* sub : app.get_subcommands({})) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
      known = known || sub->get_name() == argv[1];
    }
    if (!known) {
      std::cerr << "solyte: error: unknown command '" << argv[1] << "'; commands: " << names
                << "\nRun 'solyte --help' for more information.\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const InvalidArgument& e) {
    std::cerr << "solyte: error: " << e.what() << "\n";
    return 2;
  } catch (const ParseError& e) {
    std::cerr << "solyte: error: " << e.what() << "\n";
    return 3;
  } catch (const std::system_error& e) {
    std::cerr << "solyte: error: " << e.what() << "\n";
    return 3;
  } catch (const NumericalError& e) {
    std::cerr << "solyte: error: " << e.what() << "\n";
    return 4;
  } catch (const std::exception& e) {
    std::cerr << "solyte: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
