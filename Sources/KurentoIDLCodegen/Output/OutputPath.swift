/// Checks that a path relative to the output folder stays inside it.
///
/// Generated names are validated long before they get here (kmd names must be identifiers); this is
/// defence in depth, so that neither a template nor a hand-edited manifest can make kidlc write or delete
/// outside the output folder.
enum OutputPath {
    /// The components of `path`, or an error saying why the path is not allowed.
    static func components(of path: String, what: String) throws(OutputError) -> [Substring] {
        func reject(_ reason: String) -> OutputError {
            OutputError("\(what) '\(path)' is not allowed: \(reason)")
        }
        if path.isEmpty { throw reject("it is empty") }
        if path.hasPrefix("/") { throw reject("it is absolute; paths must be relative to the output folder") }
        if path.contains("\\") { throw reject("it contains a backslash; use '/' between folders") }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw reject("it contains a control character")
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            if part.isEmpty { throw reject("it has an empty component") }
            if part == "." || part == ".." { throw reject("it has a '\(part)' component") }
        }
        return parts
    }

    /// `folder/relative`, without doubling a trailing slash of `folder`.
    static func join(_ folder: String, _ relative: String) -> String {
        if folder.isEmpty || folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The folders that hold `relative`, innermost last: `a/b/c.swift` → `a`, `a/b`.
    static func parentFolders(of relative: String) -> [String] {
        var folders: [String] = []
        var current = ""
        let parts = relative.split(separator: "/")
        for part in parts.dropLast() {
            current = current.isEmpty ? String(part) : current + "/" + part
            folders.append(current)
        }
        return folders
    }
}
