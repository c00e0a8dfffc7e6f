#include "kidl_c_abi.h"

unsigned kidl_c_host_abi_version(void) { return KIDL_C_ABI_VERSION; }
