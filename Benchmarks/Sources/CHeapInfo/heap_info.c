#include "heap_info.h"

// <stdlib.h> first: it includes <features.h>, which defines __GLIBC__.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

size_t batchtop_heap_in_use(void) { return mallinfo2().uordblks; }
int batchtop_heap_one_arena(void) { return mallopt(M_ARENA_MAX, 1); }
#else
size_t batchtop_heap_in_use(void) { return 0; }
int batchtop_heap_one_arena(void) { return 0; }
#endif
