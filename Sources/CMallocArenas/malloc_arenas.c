#include "malloc_arenas.h"

// <stdlib.h> first: it includes <features.h>, which is what defines __GLIBC__. Tested before any libc header, the
// macro was never defined, so this file compiled to `return 0` and the limit was never applied (8 arenas at run
// time; `MallocArenasTests` now fails if the call does not take).
#include <stdlib.h>

#include <string.h>

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

int batchtop_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
    // A threshold the user set (MALLOC_MMAP_THRESHOLD_ or the glibc.malloc.mmap_threshold tunable) is left alone.
    if (getenv("MALLOC_MMAP_THRESHOLD_") != NULL) return 0;
    const char *tunables = getenv("GLIBC_TUNABLES");
    if (tunables != NULL && strstr(tunables, "mmap_threshold") != NULL) return 0;
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}

int batchtop_block_is_mapped(const void *block) {
#if defined(__GLIBC__)
    // glibc keeps each chunk's size in the word before the block; bit 1 (IS_MMAPPED) marks a chunk mapped on its own.
    if (block == NULL) return 0;
    return (((const size_t *)block)[-1] & 2) != 0;
#else
    (void)block;
    return -1;
#endif
}
