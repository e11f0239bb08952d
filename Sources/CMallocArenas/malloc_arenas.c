#include "malloc_arenas.h"

// <stdlib.h> first: it includes <features.h>, which is what defines __GLIBC__. Tested before any libc header, the
// macro was never defined, so this file compiled to `return 0` and the limit was never applied (8 arenas at run
// time; `MallocArenasTests` now fails if the call does not take).
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int batchtop_limit_malloc_arenas(int count) {
#if defined(__GLIBC__)
    // A MALLOC_ARENA_MAX the user set (glibc read it at start) is left alone.
    if (getenv("MALLOC_ARENA_MAX") != NULL) return 0;
    return mallopt(M_ARENA_MAX, count);
#else
    (void)count;
    return 0;
#endif
}
