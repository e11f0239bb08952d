#ifndef BATCHTOP_MEMORY_HINTS_H
#define BATCHTOP_MEMORY_HINTS_H

/// Asks the processor to bring the cache line holding `address` in, ready to be written (a job's reference count, a
/// history's lock), without waiting for it. A hint only: an address that is not mapped does not fault, and nothing
/// changes but timing. Inlined into the Swift caller (a static inline function in a header).
///
/// On x86-64 this is `prefetchw`, written out: `__builtin_prefetch(address, 1, 3)` compiles to `prefetcht0`, a read
/// prefetch, unless the target has PRFCHW, which the baseline x86-64 this is built for does not. A line another core
/// last wrote then came in shared, and the write still waited for the other core to let go of it (each cycle the
/// second core frees old versions and refreshes half the jobs, so the poller's writes were mostly to such lines).
/// `prefetchw` is on AMD's x86-64 processors since the first and Intel's since Broadwell; older Intel ones run it as a
/// no-op (`objdump -d`: none in a release build before, 45 after).
static inline void batchtop_prefetch_for_write(const void *address) {
#if defined(__x86_64__)
    __asm__ volatile("prefetchw %0" : : "m"(*(const char *)address));
#else
    __builtin_prefetch(address, 1, 3);
#endif
}

/// Asks the processor to bring the cache line holding `address` in, to be read, without waiting for it (see
/// `batchtop_prefetch_for_write`).
static inline void batchtop_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
