#ifndef BATCHTOP_MEMORY_HINTS_H
#define BATCHTOP_MEMORY_HINTS_H

/// Asks the processor to bring the cache line holding `address` in, ready to be written (a job's reference count, a
/// history's lock), without waiting for it. A hint only: an address that is not mapped does not fault, and nothing
/// changes but timing. Inlined into the Swift caller (a static inline function in a header).
static inline void batchtop_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks the processor to bring the cache line holding `address` in, to be read, without waiting for it (see
/// `batchtop_prefetch_for_write`).
static inline void batchtop_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
