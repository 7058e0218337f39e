/// File-name parts read on bytes.
///
/// Foundation's `NSString.pathExtension` traps on some malformed names (fuzzing found one in an
/// `--output` argument), and a bad argument must get a clear error, never a crash.
package enum FileNames {
    /// The extension of a path's last component ("report.md" -> "md"), without the dot; empty
    /// when there is none, when the component's only dot starts it (".hidden"), or when it ends
    /// in a dot. Trailing slashes are ignored, as Foundation ignores them.
    package static func pathExtension(_ path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == 0x2F { bytes.removeLast() }
        let start = (bytes.lastIndex(of: 0x2F) ?? -1) + 1
        guard start < bytes.count, let dot = bytes[start...].lastIndex(of: 0x2E), dot > start, dot + 1 < bytes.count else { return "" }
        return String(decoding: bytes[(dot + 1)...], as: UTF8.self)
    }
}
