import Foundation
import KidlTestSupport
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// `Generated/` holds what kidlc generates for the project's own `idl/` modules, checked in so reviewers see
/// every change of the output. These tests fail, with a diff, when it is stale. To accept a change, run
/// `RECORD=1 swift test --filter GoldenTests` (or `make idl`) and review the diff before committing.
@Suite struct GoldenTests {
    struct GoldenSet: CustomStringConvertible, Sendable {
        var folder: String
        var inputs: [String]
        var searchPaths: [String] = []
        var target: GenerationTarget
        var description: String { folder }
    }

    static let platform = ["idl/core", "idl/elements", "idl/filters"]

    static let sets: [GoldenSet] = [
        .init(folder: "Generated/swift-server/KurentoPlatform", inputs: platform, target: .swiftServer),
        .init(folder: "Generated/swift-server/KurentoDemo", inputs: ["idl/demo"], searchPaths: platform, target: .swiftServer),
        .init(folder: "Generated/swift-client/KurentoPlatformClient", inputs: platform, target: .swiftClient),
        .init(folder: "Generated/swift-client/KurentoDemoClient", inputs: ["idl/demo"], searchPaths: platform, target: .swiftClient),
        .init(folder: "Generated/swift-server/KurentoClassroom", inputs: ["idl/classroom"], searchPaths: platform, target: .swiftServer),
        .init(folder: "Generated/swift-client/KurentoClassroomClient", inputs: ["idl/classroom"], searchPaths: platform, target: .swiftClient),
        // One run for every module, so that links between the pages resolve; one index.
        .init(folder: "Generated/docs", inputs: platform + ["idl/demo", "idl/classroom"], target: .docs),
        .init(folder: "Generated/c-shim/platform", inputs: platform, target: .cShim),
        .init(folder: "Generated/c-shim/demo", inputs: ["idl/demo"], searchPaths: platform, target: .cShim),
    ]

    @Test(arguments: sets)
    func generatedFolderIsFresh(_ set: GoldenSet) throws {
        let root = Paths.packageRoot
        func absolute(_ paths: [String]) -> [String] { paths.map { root.appendingPathComponent($0).path } }
        let result = Frontend(inputs: absolute(set.inputs), searchPaths: absolute(set.searchPaths), baseDirectory: root.path).run()
        let schema = try #require(result.schema)
        #expect(!result.hasErrors)
        let files = try Generator.generate(schema, options: GenerationOptions(targets: [set.target]))
        let folder = root.appendingPathComponent(set.folder)
        if ProcessInfo.processInfo.environment["RECORD"] == "1" {
            try Golden.record(files, into: folder)
            return
        }
        let problems = try Golden.compare(files, with: folder)
        #expect(problems.isEmpty, "\(set.folder) is stale; run `RECORD=1 swift test --filter GoldenTests` and review:\n\(problems)")
    }
}

/// Byte-for-byte comparison of generated files with a checked-in folder.
enum Golden {
    /// The files of a folder (dotfiles such as the writer's manifest left out), by relative path.
    static func existing(in folder: URL) -> [String] {
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !name.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }

    /// A readable report of every difference: missing, extra and changed files, with `git diff` output.
    static func compare(_ files: [GeneratedFile], with folder: URL) throws -> String {
        var report: [String] = []
        let expected = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        let present = Set(existing(in: folder))
        for path in expected.keys.sorted() where !present.contains(path) { report.append("missing: \(path)") }
        for path in present.sorted() where expected[path] == nil { report.append("not generated any more: \(path)") }
        let scratch = try Paths.temporaryFolder("golden")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for path in expected.keys.sorted() where present.contains(path) {
            let url = folder.appendingPathComponent(path)
            let actual = try Data(contentsOf: url)
            guard actual != Data(expected[path]!.utf8) else { continue }
            let fresh = scratch.appendingPathComponent(path)
            try Data(expected[path]!.utf8).write(to: fresh)
            report.append("changed: \(path)\n" + diff(url, fresh))
        }
        return report.joined(separator: "\n")
    }

    static func record(_ files: [GeneratedFile], into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let expected = Set(files.map(\.path))
        for stale in existing(in: folder) where !expected.contains(stale) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(stale))
        }
        for file in files {
            try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.path), options: .atomic)
        }
    }

    private static func diff(_ old: URL, _ new: URL) -> String {
        guard let outcome = try? ChildProcess.runWaiting(["git", "diff", "--no-index", "--no-color", old.path, new.path],
                                                         mergingErrors: true) else { return "(git is not available for a diff)" }
        let text = outcome.output
        return text.count > 6000 ? String(text.prefix(6000)) + "\n… (diff cut)" : text
    }
}
