import Foundation

/// The validated bytes of one input file, with its line table.
///
/// Loading rejects what cannot be text (binary data, invalid UTF-8) with a one-line error naming
/// the file, strips a UTF-8 byte-order mark and transcodes UTF-16 with a byte-order mark, so
/// every parser can work on clean UTF-8 bytes with integer offsets.
package struct SourceText: Sendable {
    /// The path as the user gave it (used in messages and reports).
    package let path: String
    /// UTF-8 bytes; offsets everywhere in crosscheck index into this array.
    package let bytes: [UInt8]
    /// Where the content starts (3 after a UTF-8 byte-order mark, else 0).
    package let contentStart: Int
    /// Line starts for offset-to-line mapping.
    package let lines: LineTable
    /// True when the file was UTF-16 and `bytes` is its UTF-8 transcoding.
    package let transcoded: Bool
    /// True when the file uses `\r\n` line ends anywhere.
    package let hasCRLF: Bool

    /// Reads and validates a file.
    package static func load(path: String) throws(CrossCheckError) -> SourceText {
        if let virtual = VirtualFiles.shared.entry(path) { return try SourceText(path: path, bytes: virtual.bytes) }
        if path == "-" {
            // Standard input (read once; a second "-" finds it empty).
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try SourceText(path: path, bytes: [UInt8](data))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        if isDir.boolValue { throw .unreadable(path: path, reason: "is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        return try SourceText(path: path, bytes: [UInt8](data))
    }

    /// Validates in-memory bytes as if they had been read from `path`.
    package init(path: String, bytes raw: [UInt8]) throws(CrossCheckError) {
        self.path = path
        var bytes = raw
        var transcoded = false
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            let little = bytes[0] == 0xFF
            guard let decoded = SourceText.decodeUTF16(bytes, littleEndian: little) else {
                throw .invalidEncoding(path: path, line: 1, reason: "invalid UTF-16 text")
            }
            bytes = decoded
            transcoded = true
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var onlySpace = true
        var crlf = false
        let lines = LineTable(bytes: bytes)
        let problem: (offset: Int, binary: Bool)? = bytes.withUnsafeBufferPointer { buf in
            SourceText.validate(buf, from: start, onlySpace: &onlySpace, crlf: &crlf)
        }
        if let problem {
            if problem.binary || bytes.withUnsafeBufferPointer({ SourceText.looksBinary($0, from: start, around: problem.offset) }) {
                throw .binary(path: path)
            }
            throw .invalidEncoding(path: path, line: lines.line(of: problem.offset), reason: "invalid UTF-8 byte sequence")
        }
        if onlySpace { throw .empty(path: path) }
        self.bytes = bytes
        self.contentStart = start
        self.lines = lines
        self.transcoded = transcoded
        self.hasCRLF = crlf
    }

    /// The text as a `String` (without a byte-order mark).
    package var string: String { String(decoding: bytes[contentStart...], as: UTF8.self) }

    /// A `String` for a byte range (clamped).
    package func text(_ range: Range<Int>) -> String {
        let lo = max(contentStart, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// 1-based line of a byte offset.
    package func line(of offset: Int) -> Int { lines.line(of: offset) }

    /// Returns the first offending offset, or nil when the bytes are valid UTF-8 text.
    private static func validate(
        _ buf: UnsafeBufferPointer<UInt8>, from start: Int, onlySpace: inout Bool, crlf: inout Bool
    ) -> (offset: Int, binary: Bool)? {
        var i = start
        let n = buf.count
        var controls = 0
        let space = ByteVector(repeating: 0x20), high = ByteVector(repeating: 0x80), newline = ByteVector(repeating: 0x0A)
        while i < n {
            // Sixteen bytes at a time while they are printable ASCII or line feeds (no other
            // control byte, no multi-byte sequence): all such a block can change is `onlySpace`
            // (a line feed, as in `validateByte`, leaves it alone).
            if let base = buf.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 16 <= n {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: ByteVector.self)
                    if anyLane(((v .< space) .& (v .!= newline)) .| (v .>= high)) { break }
                    if onlySpace && anyLane((v .!= space) .& (v .!= newline)) { onlySpace = false }
                    i += 16
                }
            }
            let blockEnd = min(n, i + 16)
            while i < blockEnd {
                if let problem = validateByte(buf, &i, start: start, controls: &controls, onlySpace: &onlySpace, crlf: &crlf) {
                    return problem
                }
            }
        }
        return nil
    }

    /// One step of `validate` at `i`: an ASCII byte or a whole multi-byte sequence.
    @inline(__always) private static func validateByte(
        _ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int, start: Int, controls: inout Int, onlySpace: inout Bool,
        crlf: inout Bool
    ) -> (offset: Int, binary: Bool)? {
        let n = buf.count
        let b = buf[i]
        if b < 0x80 {
            if b == 0 { return (i, true) }
            if b < 0x20 {
                if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A { crlf = true }
                } else if b != 0x0A && b != 0x09 && b != 0x0C {
                    controls += 1
                    if controls > 32 && controls * 20 > (i - start + 1) { return (i, true) }
                }
            } else if b != 0x20 {
                onlySpace = false
            }
            i += 1
            return nil
        }
        onlySpace = false
        let len: Int
        let minScalar: UInt32
        var scalar: UInt32
        if b & 0xE0 == 0xC0 { len = 2; scalar = UInt32(b & 0x1F); minScalar = 0x80 }
        else if b & 0xF0 == 0xE0 { len = 3; scalar = UInt32(b & 0x0F); minScalar = 0x800 }
        else if b & 0xF8 == 0xF0 { len = 4; scalar = UInt32(b & 0x07); minScalar = 0x10000 }
        else { return (i, false) }
        if i + len > n { return (i, false) }
        for k in 1..<len {
            let c = buf[i + k]
            if c & 0xC0 != 0x80 { return (i, false) }
            scalar = (scalar << 6) | UInt32(c & 0x3F)
        }
        if scalar < minScalar || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return (i, false) }
        i += len
        return nil
    }

    /// Decides whether text that failed UTF-8 validation is binary data rather than mis-encoded text.
    ///
    /// Text in a legacy encoding (Latin-1, Windows-1252, KOI8-R) has high bytes but almost no
    /// control bytes; binary data (random bytes, images, archives) has NULs and control bytes
    /// throughout. Samples the first 64 KB and 4 KB around the first bad byte.
    static func looksBinary(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, around offset: Int) -> Bool {
        var controls = 0
        var total = 0
        func count(_ r: Range<Int>) {
            for i in r {
                let b = buf[i]
                total += 1
                if b == 0 { controls += 1000 }
                else if (b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C) || b == 0x7F { controls += 1 }
            }
        }
        let n = buf.count
        let head = start..<min(n, start + 65_536)
        count(head)
        let lo = max(head.upperBound, offset - 2048)
        let hi = min(n, offset + 2048)
        if lo < hi { count(lo..<hi) }
        return total > 0 && controls * 50 > total  // more than 2% control bytes (a NUL counts heavily)
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> [UInt8]? {
        guard (bytes.count - 2) % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var failed = false
        transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
            ? (failed = true) : ()
        return failed ? nil : out
    }
}
