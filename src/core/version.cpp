#include "solyte/version.hpp"

namespace solyte {
const char* version() noexcept { return SOLYTE_VERSION; }
}  // namespace solyte
