#ifndef BATCHTOP_MALLOC_ARENAS_H
#define BATCHTOP_MALLOC_ARENAS_H

/// Limits glibc's malloc to `count` arenas (see `MallocArenas.swift`); does nothing on other C libraries or when
/// `MALLOC_ARENA_MAX` is set in the environment.
/// Returns 1 when the limit was applied.
int batchtop_limit_malloc_arenas(int count);

/// Fixes glibc's threshold above which an allocation gets a mapping of its own (returned to the system when freed) at
/// `bytes`, which also stops glibc from raising it as large blocks are freed (see `MallocArenas.swift`); does nothing
/// on other C libraries or when the user set a threshold (`MALLOC_MMAP_THRESHOLD_`, or `mmap_threshold` in
/// `GLIBC_TUNABLES`). Returns 1 when the threshold was set.
int batchtop_fix_mmap_threshold(int bytes);

/// 1 when `block`, returned by glibc's malloc, lies in a mapping of its own (the chunk's IS_MMAPPED bit); -1 on other
/// C libraries. For the tests: reading one block's header is not disturbed by other threads allocating meanwhile.
int batchtop_block_is_mapped(const void *block);

#endif
