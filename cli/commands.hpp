// The subcommands of the solyte tool. Each cmd_<name>.cpp defines one register function
// that adds its subcommand (options, help with examples, and the callback that runs it).
#pragma once

#include <CLI/CLI.hpp>

namespace solyte::cli {

/// Options every command has.
struct GlobalOptions {
  std::string format = "text";
  std::string output;   // -o PATH; empty = stdout
  bool quiet = false;
};

/// Adds --format, -o/--output and --quiet to a subcommand.
void add_output_options(CLI::App* cmd, GlobalOptions& g);

void register_convert(CLI::App& app);
void register_info(CLI::App& app);
void register_conductivity(CLI::App& app);
void register_arrhenius(CLI::App& app);
void register_simulate(CLI::App& app);
void register_modulus(CLI::App& app);
void register_kww(CLI::App& app);
void register_drt(CLI::App& app);
void register_packing(CLI::App& app);
void register_entropy(CLI::App& app);
void register_ema(CLI::App& app);
void register_sites(CLI::App& app);
void register_study(CLI::App& app);
void register_xrd(CLI::App& app);
void register_peaks(CLI::App& app);
void register_cv(CLI::App& app);
void register_ccd(CLI::App& app);
void register_ccd_protocol(CLI::App& app);
void register_dsc(CLI::App& app);
/// Adds `simulate cv|cycling|dsc|spectrum` to the simulate command.
void register_simulate_curves(CLI::App& simulate);
void register_fit(CLI::App& app);
void register_kk(CLI::App& app);

}  // namespace solyte::cli
