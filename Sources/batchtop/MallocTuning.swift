import CMallocArenas

/// How the process sets up glibc's malloc, first thing in `main`: one arena, and large blocks in mappings of their own.
///
/// **One arena.** By default glibc gives each thread that allocates concurrently an arena of its own (up to 8 per
/// core), and memory freed in one arena is reused only by allocations in that arena. The poller decodes and merges on
/// the cooperative pool's threads, the HTTP client reads on its event-loop thread and the screen is drawn on the main
/// actor's, so a large project's job storage ended up spread over several arenas, each keeping its own peak:
/// steady:100000, release, 60 s: 310 MB resident with the default arenas, 231 MB with one (the heap itself peaks
/// at 174 MB). Allocation is not the bottleneck of any of those threads, so the shared arena's lock costs nothing
/// measurable (see the README's Performance section). Until the C side included a libc header before testing
/// `__GLIBC__`, the call did nothing and the dashboard ran with 8 arenas (`malloc_info`); with the limit applied,
/// steady:100000 peaks at 146 MB instead of 164 (120 s).
///
/// **Blocks of 32 KiB and more in mappings of their own.** glibc maps a block of its own only above a threshold that
/// starts at 128 KiB and rises to the size of every mapped block freed: once the first 100,000-entry array (a
/// snapshot's jobs, a sort's buffer, the written slots) was freed, every such array and every page body the HTTP
/// client reads (about 70 KB for 100 jobs) came from the heap, between the job storages allocated at the same time,
/// and the holes they left kept the heap's high point up. Fixed at 32 KiB, they are mapped and given back when freed.
/// Release, `scripts/peak-rss.sh`, side by side with the build before: steady:100000 at 90 s, peak RSS 140.7 → 137.1
/// and 140.6 → 136.6 MB (the heap at 85 s 102.3 → 94.9 and 104.5 → 95.1 MB); at 150 s 145.3 → 137.9 MB;
/// finished:100000 at 45 s 86.8 → 85.2 MB (against the build before the sample-log change); CPU the same (16–18 s
/// in 90 s). 16 KiB measured the same as 32.
///
/// A choice the user made in the environment (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`, `GLIBC_TUNABLES`) is left
/// as it is.
enum MallocTuning {
    /// The threshold above which an allocation gets a mapping of its own.
    static let mmapThreshold: Int32 = 32 * 1024

    /// Applies both settings; call it first thing in `main`, before other threads allocate.
    static func apply() {
        _ = batchtop_limit_malloc_arenas(1)
        _ = batchtop_fix_mmap_threshold(mmapThreshold)
    }
}
