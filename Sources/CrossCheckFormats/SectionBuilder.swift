import CrossCheckCore
/// Assembles sections from a parser's stream of headings and text blocks.
///
/// Every parser reports headings (with their level) and finished text blocks in document order;
/// this turns them into sections with heading paths, split sentences and line ranges, so heading
/// nesting and sentence splitting live in one place for all formats.
package struct SectionBuilder: Sendable {
    private let lines: LineTable
    private var sections: [Section] = []
    private var stack: [(level: Int, title: String)] = []
    private var current: Section
    private var paragraph = 0
    private var lastOffset = 0

    package init(lines: LineTable, leadStart: Int = 0) {
        self.lines = lines
        current = Section(
            path: [], level: 0, line: lines.line(of: leadStart), endLine: lines.line(of: leadStart), sentences: [],
            headingRange: leadStart..<leadStart, sourceRange: leadStart..<leadStart)
    }

    /// What the builder needs to resume in front of a heading: the open heading levels and titles
    /// and how many paragraphs the open section has.
    package struct Checkpoint: Sendable, Equatable {
        package var levels: [Int]
        package var titles: [String]
        package var paragraph: Int
    }

    /// The builder's state now, for `init(lines:resuming:current:checkpoint:)`.
    package var checkpoint: Checkpoint {
        Checkpoint(levels: stack.map(\.level), titles: stack.map(\.title), paragraph: paragraph)
    }

    /// Number of sections closed so far (the open one not counted).
    package var closedCount: Int { sections.count }

    /// Resumes building after `sections`, with `current` open (as a checkpoint saw it: closing it
    /// again at the same or a later offset gives what an uninterrupted build would have).
    package init(lines: LineTable, resuming sections: [Section], current: Section, checkpoint: Checkpoint) {
        self.lines = lines
        self.sections = sections
        self.current = current
        self.stack = zip(checkpoint.levels, checkpoint.titles).map { ($0, $1) }
        self.paragraph = checkpoint.paragraph
        self.lastOffset = current.sourceRange.upperBound
    }

    /// Starts a new section at a heading of `level` (1 = top) spanning `range` in the source.
    package mutating func heading(_ title: String, level: Int, range: Range<Int>) {
        close(at: range.lowerBound)
        while let top = stack.last, top.level >= level { stack.removeLast() }
        stack.append((level, title))
        current = Section(
            path: stack.map(\.title), level: level, line: lines.line(of: range.lowerBound),
            endLine: lines.line(of: max(range.lowerBound, range.upperBound - 1)), sentences: [],
            headingRange: range, sourceRange: range.lowerBound..<range.upperBound)
        paragraph = 0
        lastOffset = range.upperBound
    }

    /// Adds a finished paragraph or list item to the current section.
    package mutating func add(_ block: TextBlock) {
        guard !block.isEmpty else { return }
        let sentences = SentenceSplitter.split(block, lines: lines, paragraph: paragraph)
        paragraph += 1
        if let last = sentences.last {
            current.endLine = max(current.endLine, lines.line(of: max(last.sourceRange.lowerBound, last.sourceRange.upperBound - 1)))
            lastOffset = max(lastOffset, last.sourceRange.upperBound)
        }
        if current.sentences.isEmpty && current.level == 0, let first = sentences.first {
            current.line = first.line
        }
        current.sentences += sentences
    }

    /// The heading path of the section being built.
    package var currentPath: [String] { current.path }

    /// Marks that section content extends to `offset` (for line ranges of sections without prose).
    package mutating func extend(to offset: Int) {
        lastOffset = max(lastOffset, offset)
    }

    private mutating func close(at offset: Int) {
        let end = max(current.sourceRange.lowerBound, offset)
        current.sourceRange = current.sourceRange.lowerBound..<end
        if end > current.sourceRange.lowerBound {
            current.endLine = max(current.endLine, lines.line(of: max(current.sourceRange.lowerBound, end - 1)))
        }
        // An empty lead is kept so that every document has a lead section at index 0.
        current.sentences = current.sentences.trimmed()
        sections.append(current)
    }

    /// Closes the last section at `end` and returns all sections (the lead first).
    package mutating func finish(at end: Int) -> [Section] {
        close(at: end)
        return sections
    }
}
