import Foundation
import CrossCheckCore

/// Section and key-fact changes between two revisions.
///
/// Sections come from `DocumentDiffer` (aligned by heading path, heading alone or content, so a
/// renamed or re-parented section is reported as such rather than as removed plus added). Facts
/// are fields present in both with different values.
package struct RevisionChanges: Sendable {
    package var added: [String] = []
    package var removed: [String] = []
    package var moved: [(from: String, to: String)] = []
    package var renamed: [(from: String, to: String)] = []
    /// Sections whose text changed, with their count of inserted and deleted words and, for a
    /// small edit, the edit itself (`−"old" +"new"`).
    package var changed: [(path: String, inserted: Int, deleted: Int, edit: String?)] = []
    /// Edits of at most this many words are quoted.
    package static let quotedEditWords = 12
    /// Passages of sentences that moved (old path, new path, sentence count).
    package var passages: [(from: String, to: String, sentences: Int)] = []
    /// Fields present in both with different values, with their lines (to find what explains them).
    package var facts: [(key: String, old: String, new: String, oldLine: Int, newLine: Int)] = []

    package var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && moved.isEmpty && renamed.isEmpty && changed.isEmpty && passages.isEmpty && facts.isEmpty
    }

    package static func key(_ path: [String]) -> String { path.map { $0.lowercased() }.joined(separator: " > ") }
    package static func name(_ path: [String]?) -> String {
        guard let path, !path.isEmpty else { return "(lead)" }
        return path.joined(separator: " > ")
    }

    package init(old: Document, new: Document) {
        let diff = DocumentDiffer.diff(old: old, new: new)
        for s in diff.sections {
            switch s.status {
            case .unchanged: break
            case .added: added.append(RevisionChanges.name(s.newPath))
            case .removed: removed.append(RevisionChanges.name(s.oldPath))
            case .moved: moved.append((RevisionChanges.name(s.oldPath), RevisionChanges.name(s.newPath)))
            case .renamed: renamed.append((RevisionChanges.name(s.oldPath), RevisionChanges.name(s.newPath)))
            case .changed: break
            }
            if s.status != .added && s.status != .removed && s.hasChanges {
                var inserted = 0
                var deleted = 0
                var parts: [String] = []
                for op in s.operations where op.moveRole == nil && op.kind != .equal {
                    let words = op.text.split(whereSeparator: \.isWhitespace).count
                    if op.kind == .insert { inserted += words } else { deleted += words }
                    let text = RevisionChanges.normalise(op.text)
                    if !text.isEmpty { parts.append((op.kind == .insert ? "+" : "−") + "“" + text + "”") }
                }
                let edit = inserted + deleted <= RevisionChanges.quotedEditWords && !parts.isEmpty ? parts.joined(separator: " ") : nil
                if inserted + deleted > 0 { changed.append((RevisionChanges.name(s.newPath ?? s.oldPath), inserted, deleted, edit)) }
            }
        }
        for m in diff.moves {
            let from = old.sections.indices.contains(m.oldSection) ? old.sections[m.oldSection].path : nil
            let to = new.sections.indices.contains(m.newSection) ? new.sections[m.newSection].path : nil
            passages.append((RevisionChanges.name(from), RevisionChanges.name(to), m.newSentences.count))
        }

        // Fields present in both whose values differ, exactly as the differ pairs and compares them
        // (`FieldValues.equivalent`), so `crosscheck diff` and this report always agree.
        for change in diff.fields where change.status == .changed {
            guard let before = change.old, let after = change.new else { continue }
            let (b, a) = (RevisionChanges.normalise(before.value), RevisionChanges.normalise(after.value))
            facts.append((after.key, b.isEmpty ? "—" : b, a.isEmpty ? "—" : a, before.line, after.line))
        }
    }

    package static func normalise(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
