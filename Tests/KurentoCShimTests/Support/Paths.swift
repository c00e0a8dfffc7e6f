import Foundation

/// Folders the C shim tests work with.
enum Paths {
    /// The package root (this file is Tests/KurentoCShimTests/Support/Paths.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func idl(_ module: String) -> String { packageRoot.appendingPathComponent("idl/\(module)").path }
    static var platform: [String] { ["core", "elements", "filters"].map(idl) }

    static let fixtures = packageRoot.appendingPathComponent("Tests/KurentoCShimTests/Fixtures")
    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The C declarations shared with the host (kidl_c_abi.h).
    static let abiInclude = packageRoot.appendingPathComponent("Sources/CKidlBridge/include")

    /// The real Kurento corpus, or nil (`KIDL_CORPUS` overrides `../shared/kurento-idl`).
    static var corpus: URL? {
        let path = ProcessInfo.processInfo.environment["KIDL_CORPUS"]
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/kurento-idl").path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kidl-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
