#!/usr/bin/env bash
# Installs the Debian 12 packages solyte needs to build, test and benchmark.
# Idempotent: packages already present are left alone, and apt is only called
# when something is missing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libeigen3-dev        # dense linear algebra (least squares, NNLS)
  libceres-dev         # nonlinear least squares (relaxation and circuit fits)
  libboost-dev         # Boost.Math: double-exponential quadrature, special functions
  libsymspg-dev        # spglib: space-group operations and Wyckoff positions
  libcerf-dev          # Faddeeva function: Voigt peak profiles
  libxrl-dev           # xraylib: X-ray atomic form factors and anomalous scattering
  libsqlite3-dev       # RelaxIS .eis3 projects (read-only) and the study result store
  libtomlplusplus-dev  # study manifests (TOML)
  libzip-dev           # Bruker .brml (a zip of XML files)
  libpugixml-dev       # XML: PANalytical .xrdml, Bruker .brml contents, VersaStudio .par
  libplplot-dev plplot-driver-cairo   # figures as SVG/PNG/PDF
  chromium             # the study report is tested in headless Chromium
  libcli11-dev         # command-line options
  libfmt-dev           # formatting
  nlohmann-json3-dev   # JSON output and input
  libfast-float-dev    # locale-free number parsing
  libgtest-dev libgmock-dev   # unit tests (ctest)
  libbenchmark-dev     # make bench
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
