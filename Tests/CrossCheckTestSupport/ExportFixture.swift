import Foundation
import CrossCheckCore
import CrossCheckFormats

/// Writes small MediaWiki exports for tests, in the shapes of several schema versions.
package enum ExportFixture {
    package struct Rev {
        package var id: Int
        package var parent: Int?
        package var timestamp: String
        package var user: String? = nil
        package var ip: String? = nil
        package var comment: String? = nil
        package var minor = false
        /// nil: text left out (a stub); use `deleted` for hidden text.
        package var text: String?
        package var deleted = false
        package var sha1: String? = nil
        package init(
            id: Int, parent: Int?, timestamp: String, user: String? = nil, ip: String? = nil, comment: String? = nil,
            minor: Bool = false, text: String?, deleted: Bool = false, sha1: String? = nil
        ) {
            self.id = id; self.parent = parent; self.timestamp = timestamp; self.user = user; self.ip = ip
            self.comment = comment; self.minor = minor; self.text = text; self.deleted = deleted; self.sha1 = sha1
        }
    }
    package struct Page {
        package var title: String
        package var id: Int
        package var revisions: [Rev]
        package init(title: String, id: Int, revisions: [Rev]) { self.title = title; self.id = id; self.revisions = revisions }
    }

    package static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An export of `pages` in schema `version` ("0.4", "0.10" or "0.11").
    package static func xml(_ pages: [Page], version: String = "0.4", base: String = "https://en.wikipedia.org/wiki/Main_Page") -> String {
        let modern = version != "0.3" && version != "0.4"
        var s = """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-\(version)/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="\(version)" xml:lang="en">
              <siteinfo>
                <sitename>Wikipedia</sitename>
            \(modern ? "    <dbname>enwiki</dbname>\n" : "")    <base>\(base)</base>
                <generator>MediaWiki 1.40</generator>
                <case>first-letter</case>
                <namespaces>
                  <namespace key="-1" case="first-letter">Special</namespace>
                  <namespace key="0" case="first-letter" />
                  <namespace key="1" case="first-letter">Talk</namespace>
                </namespaces>
              </siteinfo>

            """
        for p in pages {
            s += "  <page>\n    <title>\(escape(p.title))</title>\n"
            if modern { s += "    <ns>0</ns>\n" }
            s += "    <id>\(p.id)</id>\n"
            for r in p.revisions {
                s += "    <revision>\n      <id>\(r.id)</id>\n"
                if modern, let parent = r.parent { s += "      <parentid>\(parent)</parentid>\n" }
                s += "      <timestamp>\(r.timestamp)</timestamp>\n"
                if let u = r.user {
                    s += "      <contributor>\n        <username>\(escape(u))</username>\n        <id>7</id>\n      </contributor>\n"
                } else if let ip = r.ip {
                    s += "      <contributor>\n        <ip>\(ip)</ip>\n      </contributor>\n"
                } else {
                    s += "      <contributor deleted=\"deleted\" />\n"
                }
                if r.minor { s += "      <minor />\n" }
                if let c = r.comment { s += "      <comment>\(escape(c))</comment>\n" }
                if modern { s += "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n" }
                if r.deleted {
                    s += "      <text deleted=\"deleted\" />\n"
                } else if let t = r.text {
                    let bytes = version == "0.11" ? " bytes=\"\(t.utf8.count)\"" : ""
                    s += t.isEmpty ? "      <text xml:space=\"preserve\"\(bytes) />\n" : "      <text xml:space=\"preserve\"\(bytes)>\(escape(t))</text>\n"
                } else {
                    s += "      <text bytes=\"120\" id=\"\(r.id * 3)\" />\n"
                }
                if modern, let h = r.sha1 { s += "      <sha1>\(h)</sha1>\n" }
                s += "    </revision>\n"
            }
            s += "  </page>\n"
        }
        s += "</mediawiki>\n"
        return s
    }

    /// A fresh temporary directory.
    package static func directory() -> String {
        let d = NSTemporaryDirectory() + "crosscheck-export-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// Writes `text` to `dir/name`, compressed with `compressor` (e.g. ["gzip", "-c"]) when given.
    @discardableResult
    package static func write(_ text: String, to dir: String, name: String, compressor: [String]? = nil) throws -> String {
        let path = dir + "/" + name
        guard let compressor else {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let plain = path + ".plain"
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = compressor + [plain]
        FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        try out.close()
        try? FileManager.default.removeItem(atPath: plain)
        return path
    }

    /// Every event of the export at `path`.
    package static func events(_ path: String) throws -> [ExportEvent] {
        let r = try ExportReader(path: path)
        var out: [ExportEvent] = []
        while let e = try r.next() { out.append(e) }
        return out
    }

    /// Whether `program` is on PATH.
    package static func has(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }
}
