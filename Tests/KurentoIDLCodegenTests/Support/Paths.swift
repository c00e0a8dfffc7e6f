import Foundation

/// Folders the code-generation tests work with.
enum Paths {
    /// The package root (this file is Tests/KurentoIDLCodegenTests/Support/Paths.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func idl(_ module: String) -> String { packageRoot.appendingPathComponent("idl/\(module)").path }

    /// The real Kurento corpus, or nil (`KIDL_CORPUS` overrides `../shared/kurento-idl`).
    static var corpus: URL? {
        let path = ProcessInfo.processInfo.environment["KIDL_CORPUS"]
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/kurento-idl").path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// The build folder of this test run (holds `Modules/KurentoRuntime.swiftmodule`).
    static var buildProducts: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kidl-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
