import Foundation

/// Folders the server tests work with.
enum Paths {
    /// The package root (this file is Tests/KurentoServerTests/Support/Paths.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The build folder of this test run: its `Modules/` holds the runtime's, the platform's and the server's
    /// `.swiftmodule`s, which plugin libraries are compiled against.
    static var buildProducts: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The Swift files of a folder of the package, sorted.
    static func swiftFiles(in folder: String) throws -> [URL] {
        let url = packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kidl-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
