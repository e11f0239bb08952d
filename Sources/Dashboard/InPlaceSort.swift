/// A strict total order on a sort key: `precedes` is irreflexive, transitive, and for two different keys one
/// precedes the other (every key of a sort is unique, e.g. it carries its position).
protocol TotallyOrdered {
    /// True when `lhs` comes before `rhs`.
    static func precedes(_ lhs: Self, _ rhs: Self) -> Bool
}

/// An in-place sort without a buffer (pattern-defeating quicksort, after Orson Peters' pdqsort, reduced): quicksort
/// on the median of three (of three medians of three for long ranges), insertion sort for short ranges and for
/// partitions that come out already in order, a few keys swapped to break the pattern after a badly unbalanced
/// partition, and heapsort when those keep coming.
///
/// The median of medians and the swaps came when the table started building its keys in the rows' last order (so
/// that a snapshot that kept its order sorts in about one pass): keys of a sort by progress, nearly in order with
/// runs of equal progress ordered by creation, made the median of three pick pivots at the ends of a range, until
/// the depth ran out and heapsort did most of the work.
///
/// Why not the standard library's `sort`: it is a merge sort whose buffer is half the array, allocated for each
/// sort. The table sorts 100,000 24-byte keys for every snapshot, so that buffer was 1.2 MB on top of the keys at
/// the dashboard's peak. Unstable, which is the same thing here: the keys are totally ordered (no two are equal), so
/// every correct sort gives one result.
enum InPlaceSort {
    /// Ranges this short are insertion-sorted.
    private static let insertionLimit = 24
    /// Moves after which an insertion sort over a partition that looked ordered gives up.
    private static let partialInsertionMoves = 8
    /// Ranges longer than this take the median of three medians of three as the pivot.
    private static let nintherThreshold = 128

    /// Sorts `keys` in place by `Key.precedes`.
    static func sort<Key: TotallyOrdered>(_ keys: inout [Key]) {
        keys.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return }
            // Badly unbalanced partitions allowed before falling back to heapsort: log2 of the count, as pdqsort.
            let badAllowed = Int.bitWidth - buffer.count.leadingZeroBitCount
            sort(base, 0, buffer.count, badAllowed: badAllowed)
        }
    }

    /// Sorts `keys[low..<high]`.
    private static func sort<Key: TotallyOrdered>(
        _ keys: UnsafeMutablePointer<Key>, _ low: Int, _ high: Int, badAllowed: Int
    ) {
        var low = low
        var high = high
        var badAllowed = badAllowed
        while high - low > insertionLimit {
            let size = high - low
            let middle = low + size / 2
            // The pivot, moved to `low`: the median of the first, middle and last key, or for a long range the
            // median of the medians of three such triples.
            if size > nintherThreshold {
                sortThree(keys, low, middle, high - 1)
                sortThree(keys, low + 1, middle - 1, high - 2)
                sortThree(keys, low + 2, middle + 1, high - 3)
                sortThree(keys, middle - 1, middle, middle + 1)
            } else {
                sortThree(keys, low, middle, high - 1)
            }
            keys.swapAt(low, middle)
            let (pivot, wasPartitioned) = partition(keys, low, high)
            let leftSize = pivot - low
            let rightSize = high - pivot - 1
            if leftSize < size / 8 || rightSize < size / 8 {
                badAllowed -= 1
                if badAllowed == 0 {
                    heapSort(keys, low, high)
                    return
                }
                breakPattern(keys, low, pivot)
                breakPattern(keys, pivot + 1, high)
            } else if wasPartitioned, insertionSort(keys, low, pivot, giveUpAfter: partialInsertionMoves),
                insertionSort(keys, pivot + 1, high, giveUpAfter: partialInsertionMoves)
            {
                return
            }
            // The shorter side by recursion, the longer by the loop: the stack stays within log2(count) frames.
            if leftSize < rightSize {
                sort(keys, low, pivot, badAllowed: badAllowed)
                low = pivot + 1
            } else {
                sort(keys, pivot + 1, high, badAllowed: badAllowed)
                high = pivot
            }
        }
        _ = insertionSort(keys, low, high, giveUpAfter: .max)
    }

    /// Partitions `keys[low..<high]` around the pivot at `low`: the keys before it to its left, the others to its
    /// right. Returns where the pivot ends up and whether no key had to move (the range was partitioned already).
    /// Every scan is bounded, so a comparison that broke its promise would misorder keys, never read outside them.
    private static func partition<Key: TotallyOrdered>(
        _ keys: UnsafeMutablePointer<Key>, _ low: Int, _ high: Int
    ) -> (pivot: Int, wasPartitioned: Bool) {
        let pivot = keys[low]
        // Before `first` (after the pivot) every key precedes the pivot; from `last` on none does.
        var first = low + 1
        var last = high
        while first < last, Key.precedes(keys[first], pivot) { first += 1 }
        while first < last, !Key.precedes(keys[last - 1], pivot) { last -= 1 }
        let wasPartitioned = first >= last
        while first < last {
            // `keys[first]` does not precede the pivot and `keys[last - 1]` does (and they are two keys).
            keys.swapAt(first, last - 1)
            first += 1
            last -= 1
            while first < last, Key.precedes(keys[first], pivot) { first += 1 }
            while first < last, !Key.precedes(keys[last - 1], pivot) { last -= 1 }
        }
        let position = first - 1
        keys[low] = keys[position]
        keys[position] = pivot
        return (position, wasPartitioned)
    }

    /// Insertion-sorts `keys[low..<high]`; gives up (returning false, the range partly sorted) once it has moved
    /// more than `limit` keys.
    private static func insertionSort<Key: TotallyOrdered>(
        _ keys: UnsafeMutablePointer<Key>, _ low: Int, _ high: Int, giveUpAfter limit: Int
    ) -> Bool {
        guard high - low > 1 else { return true }
        var moves = 0
        for index in (low + 1)..<high {
            let key = keys[index]
            var hole = index
            while hole > low, Key.precedes(key, keys[hole - 1]) {
                keys[hole] = keys[hole - 1]
                hole -= 1
            }
            keys[hole] = key
            moves += index - hole
            if moves > limit, index + 1 < high { return false }
        }
        return true
    }

    /// Swaps a few keys of `keys[low..<high]` (a side of a badly unbalanced partition) from its ends to a quarter in,
    /// so that the next pivots are not picked from the same pattern (pdqsort's pattern breaking).
    private static func breakPattern<Key: TotallyOrdered>(_ keys: UnsafeMutablePointer<Key>, _ low: Int, _ high: Int) {
        let size = high - low
        guard size >= insertionLimit else { return }
        let quarter = size / 4
        keys.swapAt(low, low + quarter)
        keys.swapAt(high - 1, high - 1 - quarter)
        guard size > nintherThreshold else { return }
        keys.swapAt(low + 1, low + quarter + 1)
        keys.swapAt(low + 2, low + quarter + 2)
        keys.swapAt(high - 2, high - 2 - quarter)
        keys.swapAt(high - 3, high - 3 - quarter)
    }

    /// Orders the keys at `a`, `b` and `c`.
    private static func sortThree<Key: TotallyOrdered>(_ keys: UnsafeMutablePointer<Key>, _ a: Int, _ b: Int, _ c: Int) {
        if Key.precedes(keys[b], keys[a]) { keys.swapAt(a, b) }
        if Key.precedes(keys[c], keys[b]) {
            keys.swapAt(b, c)
            if Key.precedes(keys[b], keys[a]) { keys.swapAt(a, b) }
        }
    }

    /// Heapsorts `keys[low..<high]`.
    private static func heapSort<Key: TotallyOrdered>(_ keys: UnsafeMutablePointer<Key>, _ low: Int, _ high: Int) {
        let count = high - low
        let heap = keys + low
        for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(heap, start, count) }
        for end in stride(from: count - 1, to: 0, by: -1) {
            heap.swapAt(0, end)
            siftDown(heap, 0, end)
        }
    }

    /// Restores the max-heap below `root` in `heap[0..<count]`.
    private static func siftDown<Key: TotallyOrdered>(_ heap: UnsafeMutablePointer<Key>, _ root: Int, _ count: Int) {
        var parent = root
        while true {
            var child = 2 * parent + 1
            guard child < count else { return }
            if child + 1 < count, Key.precedes(heap[child], heap[child + 1]) { child += 1 }
            guard Key.precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            parent = child
        }
    }
}

extension UnsafeMutablePointer {
    /// Exchanges the values at offsets `i` and `j`.
    @inline(__always)
    fileprivate func swapAt(_ i: Int, _ j: Int) {
        let value = self[i]
        self[i] = self[j]
        self[j] = value
    }
}
