#ifndef BATCHTOP_MALLOC_ARENAS_H
#define BATCHTOP_MALLOC_ARENAS_H

/// Limits glibc's malloc to `count` arenas (see `MallocArenas.swift`); does nothing on other C libraries or when
/// `MALLOC_ARENA_MAX` is set in the environment.
/// Returns 1 when the limit was applied.
int batchtop_limit_malloc_arenas(int count);

#endif
