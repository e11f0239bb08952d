#ifndef BATCHTOP_HEAP_INFO_H
#define BATCHTOP_HEAP_INFO_H

#include <stddef.h>

/// Bytes malloc has handed out and not had back (glibc's mallinfo2 uordblks; 0 elsewhere).
size_t batchtop_heap_in_use(void);

/// Limits malloc to one arena, as batchtop does, so that the figure above sees every allocation.
int batchtop_heap_one_arena(void);

#endif
