import Foundation

/// In-memory files that stand for parts of a larger input: the revisions of a MediaWiki export,
/// each loaded as if it were a file of its own (`history.xml#r1234.wiki`).
///
/// Loading code asks here before the file system, so commands that take files take revisions of
/// an export unchanged. Entries live for the process (a command run); the lock makes the table
/// safe for tests that run commands in parallel (each registers its own paths).
package final class VirtualFiles: @unchecked Sendable {
    /// What a virtual file holds besides its bytes.
    package struct Entry: Sendable {
        package var bytes: [UInt8]
        /// The revision's date, which the loader uses instead of one inferred from the text.
        package var date: PartialDate?
        /// A label for reports (contributor and edit summary).
        package var label: String?
        package init(bytes: [UInt8], date: PartialDate?, label: String?) { self.bytes = bytes; self.date = date; self.label = label }
    }

    package static let shared = VirtualFiles()
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    package func register(_ path: String, _ entry: Entry) {
        lock.lock(); entries[path] = entry; lock.unlock()
    }

    package func entry(_ path: String) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        return entries[path]
    }
}
