import Foundation

/// Finds kmd files: a folder is walked recursively for `*.kmd.json` files; a file named on the command line is
/// taken whatever its name. Paths are kept relative to the working directory when they are under it.
public enum InputDiscovery {
    public static func kmdFiles(in paths: [String], diags: inout Diagnostics) -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diags.error(.pathNotFound, "no such file or folder: \(path)", at: nil)
                continue
            }
            let base = displayPath(path)
            guard isDirectory.boolValue else {
                found.append(base)
                continue
            }
            var inFolder: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix(".kmd.json") && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                        inFolder.append(base == "." ? relative : join(base, relative))
                    }
                }
            }
            found.append(contentsOf: inFolder.sorted())
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// The path as printed in diagnostics: relative to the working directory when it lies below it.
    public static func displayPath(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard p.hasPrefix("/") else { return p.hasPrefix("./") && p.count > 2 ? String(p.dropFirst(2)) : p }
        let cwd = FileManager.default.currentDirectoryPath
        if p == cwd { return "." }
        if p.hasPrefix(cwd + "/") { return String(p.dropFirst(cwd.count + 1)) }
        return p
    }

    private static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
