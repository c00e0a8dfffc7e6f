import Foundation

/// A kmd file found on the command line or a search path.
public struct InputFile: Hashable, Sendable {
    /// Where to read it.
    public var path: String
    /// How diagnostics and generated headers name it: relative to the base folder when it lies below it.
    public var displayPath: String
}

/// Finds kmd files: a folder is walked recursively for `*.kmd.json` files; a file named on the command line is
/// taken whatever its name.
public enum InputDiscovery {
    /// `base` is the folder paths are shown relative to (default: the working directory).
    public static func kmdFiles(in paths: [String], relativeTo base: String? = nil, diags: inout Diagnostics) -> [InputFile] {
        let fm = FileManager.default
        var found: [InputFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diags.error(.pathNotFound, "no such file or folder: \(path)", at: nil)
                continue
            }
            let shown = displayPath(path, relativeTo: base)
            guard isDirectory.boolValue else {
                found.append(InputFile(path: path, displayPath: shown))
                continue
            }
            var inFolder: [InputFile] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix(".kmd.json") && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                        inFolder.append(InputFile(path: join(path, relative),
                                                  displayPath: shown == "." ? relative : join(shown, relative)))
                    }
                }
            }
            found.append(contentsOf: inFolder.sorted { $0.displayPath < $1.displayPath })
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.displayPath).inserted }
    }

    /// The path as printed in diagnostics: relative to the working directory when it lies below it.
    public static func displayPath(_ path: String, relativeTo base: String? = nil) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard p.hasPrefix("/") else { return p.hasPrefix("./") && p.count > 2 ? String(p.dropFirst(2)) : p }
        let cwd = base ?? FileManager.default.currentDirectoryPath
        if p == cwd { return "." }
        if p.hasPrefix(cwd + "/") { return String(p.dropFirst(cwd.count + 1)) }
        return p
    }

    private static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
