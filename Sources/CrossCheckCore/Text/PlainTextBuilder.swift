/// A paragraph (or list item) of plain text derived from markup, ready for sentence splitting.
package struct TextBlock: Sendable {
    /// UTF-8 bytes of the plain text, whitespace collapsed, trimmed.
    package var bytes: [UInt8]
    /// Plain-text-to-source map (see `TextSpan`).
    package var spans: [TextSpan]
    /// Citations with the plain-text offset they were attached at.
    package var citations: [(offset: Int, citation: Citation)]
    /// True for a list item.
    package var isListItem: Bool

    package init(bytes: [UInt8], spans: [TextSpan], citations: [(offset: Int, citation: Citation)], isListItem: Bool) {
        self.bytes = bytes; self.spans = spans; self.citations = citations; self.isListItem = isListItem
    }

    package var isEmpty: Bool { bytes.isEmpty }
}

/// Accumulates plain text from markup while remembering where each byte came from.
///
/// Parsers feed it verbatim source bytes, generated text (entities, rendered templates) and
/// citations; it collapses whitespace and keeps the source map. Amortised O(1) per byte.
package struct PlainTextBuilder: Sendable {
    package private(set) var bytes: [UInt8] = []
    package private(set) var spans: [TextSpan] = []
    package private(set) var citations: [(offset: Int, citation: Citation)] = []
    /// Source offset the next verbatim byte must have to continue the current span.
    private var nextSource = -1
    private var pendingSpace = false
    private var pendingSpaceSource = 0

    package init() {}

    package var isEmpty: Bool { bytes.isEmpty }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C
    }

    @inline(__always) private mutating func flushSpace() {
        if pendingSpace {
            pendingSpace = false
            if !bytes.isEmpty {
                if nextSource != pendingSpaceSource { spans.append(TextSpan(textOffset: bytes.count, sourceOffset: pendingSpaceSource)) }
                bytes.append(0x20)
                nextSource = pendingSpaceSource + 1
            }
        }
    }

    /// Appends one source byte at `offset` verbatim (whitespace collapses).
    @inline(__always) package mutating func append(byte b: UInt8, at offset: Int) {
        if PlainTextBuilder.isSpace(b) {
            if !pendingSpace { pendingSpace = true; pendingSpaceSource = offset }
            return
        }
        flushSpace()
        if offset != nextSource { spans.append(TextSpan(textOffset: bytes.count, sourceOffset: offset)) }
        bytes.append(b)
        nextSource = offset + 1
    }

    /// Appends the source bytes in `range` verbatim.
    package mutating func append(source: [UInt8], range: Range<Int>) {
        for i in range { append(byte: source[i], at: i) }
    }

    /// Appends the source bytes in `range` verbatim from a buffer.
    package mutating func append(source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        for i in range { append(byte: source[i], at: i) }
    }

    /// Appends the source bytes in `range` verbatim, a stretch at a time: the same result as
    /// `append(byte:at:)` for each byte, with one span check and one copy per stretch of text
    /// whose only whitespace is single spaces.
    package mutating func appendRun(source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, source.count)
        while i < end {
            if PlainTextBuilder.isSpace(source[i]) {
                if !pendingSpace { pendingSpace = true; pendingSpaceSource = i }
                i += 1
                continue
            }
            // Extend over non-space bytes and single spaces between them: a lone 0x20 there
            // is kept as it is, with no new span, so the whole stretch is copied verbatim.
            var j = i + 1
            while true {
                if let base = source.baseAddress {
                    // Sixteen bytes at a time while there is no white space but single spaces
                    // before other bytes (bytes below 0x20 are left to the byte loop).
                    let raw = UnsafeRawPointer(base)
                    let space = ByteVector(repeating: 0x20)
                    let lf = ByteVector(repeating: 0x0A), cr = ByteVector(repeating: 0x0D)
                    let tab = ByteVector(repeating: 0x09), ff = ByteVector(repeating: 0x0C)
                    while j + 17 <= end {
                        let v = raw.loadUnaligned(fromByteOffset: j, as: ByteVector.self)
                        let w = raw.loadUnaligned(fromByteOffset: j + 1, as: ByteVector.self)
                        let nextIsSpace = (w .== space) .| (w .== lf) .| (w .== cr) .| (w .== tab) .| (w .== ff)
                        if anyLane((v .< space) .| ((v .== space) .& nextIsSpace)) { break }
                        j += 16
                    }
                }
                let limit = min(end, j + 16)
                var stopped = false
                while j < limit {
                    let c = source[j]
                    if c > 0x20 || !PlainTextBuilder.isSpace(c) {
                        j += 1
                    } else if c == 0x20 && j + 1 < end && !PlainTextBuilder.isSpace(source[j + 1]) {
                        j += 2
                    } else {
                        stopped = true
                        break
                    }
                }
                if stopped || j >= end { break }
            }
            flushSpace()
            if bytes.capacity == 0 { reserveInitial() }
            if i != nextSource { spans.append(TextSpan(textOffset: bytes.count, sourceOffset: i)) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[i..<j]))
            nextSource = j
            i = j
        }
    }

    /// A first allocation big enough for a typical paragraph, instead of growing from one byte.
    @inline(never) private mutating func reserveInitial() {
        bytes.reserveCapacity(512)
        spans.reserveCapacity(32)
    }

    /// Appends text that was generated from markup starting at `offset`.
    package mutating func append(generated text: String, at offset: Int) {
        var first = true
        for b in text.utf8 {
            if PlainTextBuilder.isSpace(b) {
                if !pendingSpace { pendingSpace = true; pendingSpaceSource = offset }
                continue
            }
            flushSpace()
            if first { spans.append(TextSpan(textOffset: bytes.count, sourceOffset: offset)); first = false }
            bytes.append(b)
            nextSource = -1
        }
    }

    /// Appends a word break (collapses with neighbouring whitespace).
    package mutating func appendSpace(at offset: Int) {
        if !pendingSpace { pendingSpace = true; pendingSpaceSource = offset }
    }

    /// Attaches a citation at the current end of the text.
    package mutating func attach(_ citation: Citation) {
        citations.append((bytes.count, citation))
    }

    /// The last non-space byte written, if any.
    package var lastByte: UInt8? { bytes.last }

    /// Empties the builder for reuse, keeping its buffers' capacity.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        citations.removeAll(keepingCapacity: true)
        nextSource = -1
        pendingSpace = false
        pendingSpaceSource = 0
    }

    /// Returns the accumulated block and resets the builder.
    package mutating func finish(isListItem: Bool = false) -> TextBlock {
        let block = TextBlock(bytes: bytes, spans: spans, citations: citations, isListItem: isListItem)
        self = PlainTextBuilder()
        return block
    }
}

/// Sixteen bytes for vector scans. Compare with splatted vectors (`ByteVector(repeating:)`):
/// comparing with a scalar goes lane by lane.
package typealias ByteVector = SIMD16<UInt8>

/// Whether any lane of a byte-vector comparison is true.
///
/// Read as two words: the generic `any(_:)` reduces lane by lane, this is one vector test.
@inline(__always) package func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
    let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
    return (words.x | words.y) != 0
}
