import Foundation
import Testing

/// The real Kurento IDL files the tests read: `$KIDL_CORPUS`, or else `../shared/kurento-idl` next to the
/// package root. Tests that need it are disabled (with `Corpus.missingMessage`) when the folder is absent.
enum Corpus {
    /// The package root, found from this file's own path (Tests/KurentoIDLTests/Support/Corpus.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Where the corpus is expected, whether or not it exists.
    static var expectedRoot: URL {
        if let env = ProcessInfo.processInfo.environment["KIDL_CORPUS"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/kurento-idl", isDirectory: true)
    }

    /// The corpus folder, nil when absent.
    static var root: URL? {
        var isDirectory: ObjCBool = false
        let url = expectedRoot.standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return url
    }

    static var isAvailable: Bool { root != nil }

    /// Why corpus tests are skipped.
    static var missingMessage: Comment {
        "Kurento IDL corpus not found at \(expectedRoot.path) (set KIDL_CORPUS to its folder)"
    }

    /// A file of the corpus by its path relative to the corpus root; nil when the corpus or the file is absent.
    static func url(_ relative: String) -> URL? {
        guard let root else { return nil }
        let url = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The bytes of a corpus file; nil when absent.
    static func bytes(_ relative: String) -> [UInt8]? {
        url(relative).flatMap { FileManager.default.contents(atPath: $0.path) }.map { [UInt8]($0) }
    }

    /// Every `*.kmd.json` under the corpus root, sorted by relative path (empty when the corpus is absent).
    static var kmdFiles: [URL] {
        guard let root, let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { $0.lastPathComponent.hasSuffix(".kmd.json") }
            .sorted { relativePath($0) < relativePath($1) }
    }

    /// The path of a corpus file relative to the corpus root.
    static func relativePath(_ url: URL) -> String {
        guard let root else { return url.path }
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
