// The library version, set by CMake from project(VERSION).
#pragma once

namespace solyte {
/// Version string such as "0.1.0".
const char* version() noexcept;
}  // namespace solyte
