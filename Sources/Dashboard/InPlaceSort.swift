/// A strict total order on a sort key: `precedes` is irreflexive, transitive, and for two different keys one
/// precedes the other (every key of a sort is unique, e.g. it carries its position).
protocol TotallyOrdered {
    /// True when `lhs` comes before `rhs`.
    static func precedes(_ lhs: Self, _ rhs: Self) -> Bool
}

/// An in-place sort without a buffer (pattern-defeating quicksort, after Orson Peters' pdqsort, reduced): quicksort
/// on the median of three, insertion sort for short ranges and for partitions that come out already in order, and
/// heapsort when the partitions keep coming out unbalanced.
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

    /// Sorts `keys` in place by `Key.precedes`.
    static func sort<Key: TotallyOrdered>(_ keys: inout [Key]) {
        keys.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return }
            // Twice the depth of a balanced split, as introsort allows before falling back to heapsort.
            let depth = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
            sort(base, 0, buffer.count, depth: depth)
        }
    }

    /// Sorts `keys[low..<high]`.
    private static func sort<Key: TotallyOrdered>(
        _ keys: UnsafeMutablePointer<Key>, _ low: Int, _ high: Int, depth: Int
    ) {
        var low = low
        var high = high
        var depth = depth
        while high - low > insertionLimit {
            if depth == 0 {
                heapSort(keys, low, high)
                return
            }
            depth -= 1
            let middle = low + (high - low) / 2
            // The median of the first, middle and last key as the pivot, moved to `low`.
            sortThree(keys, low, middle, high - 1)
            keys.swapAt(low, middle)
            let (pivot, wasPartitioned) = partition(keys, low, high)
            if wasPartitioned, insertionSort(keys, low, pivot, giveUpAfter: partialInsertionMoves),
                insertionSort(keys, pivot + 1, high, giveUpAfter: partialInsertionMoves)
            {
                return
            }
            // The shorter side by recursion, the longer by the loop: the stack stays within log2(count) frames.
            if pivot - low < high - pivot - 1 {
                sort(keys, low, pivot, depth: depth)
                low = pivot + 1
            } else {
                sort(keys, pivot + 1, high, depth: depth)
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
