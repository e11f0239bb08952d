// The hints are static inline functions in include/memory_hints.h, compiled into their Swift callers; a C target needs
// one source file.
#include "memory_hints.h"
