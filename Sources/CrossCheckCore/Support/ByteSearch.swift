#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring tests on UTF-8 bytes. Foundation's `String.contains(_:)` goes through `NSString`
/// search on Linux, which the rules' per-word tests called often enough to show in profiles.
package enum ByteSearch {
    /// Whether `needle`'s bytes occur in `haystack`'s (an exact byte match: callers compare
    /// texts already lower-cased the same way). Candidates are found with `memchr` on the
    /// needle's last byte, which for the common "word-" and "word word" needles skips most bytes.
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return n.withUTF8 { nb -> Bool in
            guard let last = nb.last, let np = nb.baseAddress else { return true }
            return h.withUTF8 { hb -> Bool in
                guard hb.count >= nb.count, let hp = hb.baseAddress else { return false }
                let m = nb.count
                // The last byte of a match lies in [m - 1, hb.count).
                var from = m - 1
                while from < hb.count {
                    guard let hit = memchr(hp + from, Int32(last), hb.count - from) else { return false }
                    let end = hp.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hp + (end - m + 1), np, m - 1) == 0 { return true }
                    from = end + 1
                }
                return false
            }
        }
    }

    /// ASCII digits in `s` (a quick test before parsing years out of headings, run for every
    /// heading of every revision of a history).
    package static func asciiDigits(_ s: String) -> Int {
        if let n = s.utf8.withContiguousStorageIfAvailable({ b -> Int in
            var n = 0
            for c in b where c &- 0x30 < 10 { n += 1 }
            return n
        }) {
            return n
        }
        return s.utf8.reduce(0) { $0 + ($1 &- 0x30 < 10 ? 1 : 0) }
    }
}
