import Foundation

/// Maps UTF-8 byte offsets to 1-based lines and columns.
///
/// Byte offsets are the source of truth for every location in crosscheck; lines are derived here
/// once. `\n`, `\r\n` and a lone `\r` all end a line. Lookup is O(log lines).
package struct LineTable: Sendable, Equatable {
    /// Byte offset at which each line starts; `starts[0] == 0`.
    package let starts: [Int]
    /// Total byte count of the text.
    package let byteCount: Int

    package init(bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            // Without any `\r` every line ends at a `\n`: find them with `memchr`.
            if let base = buf.baseAddress, memchr(base, 0x0D, n) == nil {
                while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                    i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
                    starts.append(i)
                }
                return
            }
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        self.starts = starts
        self.byteCount = bytes.count
    }

    /// Number of lines (a final line without a line end counts; an empty text has one line).
    package var count: Int { starts.count }

    /// The 1-based line holding `offset` (clamped into the text).
    package func line(of offset: Int) -> Int {
        let o = max(0, min(offset, byteCount))
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// `line(of: offset)` for an offset known to lie on line `hint` or later: gallops forward
    /// from the hint, so walking a text in order costs O(log distance) per lookup.
    package func line(of offset: Int, from hint: Int) -> Int {
        let o = max(0, min(offset, byteCount))
        var lo = max(0, hint - 1)
        guard lo < starts.count, starts[lo] <= o else { return line(of: offset) }
        var step = 1
        var hi = lo + 1
        while hi < starts.count && starts[hi] <= o {
            lo = hi
            step <<= 1
            hi = lo + step
        }
        hi = min(hi, starts.count) - 1
        // The answer is the last start <= o in lo...hi; starts[lo] <= o holds.
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The 1-based byte column of `offset` within its line.
    package func column(of offset: Int) -> Int {
        let l = line(of: offset)
        return max(0, min(offset, byteCount)) - starts[l - 1] + 1
    }

    /// Byte range of 1-based `line`, without its line end.
    package func range(ofLine line: Int, in bytes: [UInt8]) -> Range<Int> {
        guard line >= 1 && line <= starts.count else { return byteCount..<byteCount }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] : byteCount
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }
}
